import { Module } from '@nestjs/common';
import { ConsentModule } from '../consent/consent.module';
import { IdentityModule } from '../identity/identity.module';
import { LenderConsoleController } from './lender-console.controller';
import { LenderConsoleService } from './lender-console.service';

/** What lender users see in the web console; every read of a business goes through ConsentService. */
@Module({
  imports: [ConsentModule, IdentityModule],
  controllers: [LenderConsoleController],
  providers: [LenderConsoleService],
})
export class LenderConsoleModule {}
