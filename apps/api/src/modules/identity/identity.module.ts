import { Module } from '@nestjs/common';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LenderOrganisationsRepository } from './lender-organisations.repository';
import { SessionsService } from './sessions.service';
import { SignInThrottle } from './sign-in-throttle';
import { UsersRepository } from './users.repository';

@Module({
  controllers: [AuthController],
  providers: [AuthService, SessionsService, SignInThrottle, UsersRepository, LenderOrganisationsRepository],
  exports: [SessionsService, UsersRepository, LenderOrganisationsRepository],
})
export class IdentityModule {}
