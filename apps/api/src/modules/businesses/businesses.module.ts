import { Module } from '@nestjs/common';
import { BusinessesController } from './businesses.controller';
import { BusinessesService } from './businesses.service';
import { InvitationsController } from './invitations.controller';
import { InvitationsService } from './invitations.service';
import { InvitationEmailJob } from './jobs/invitation-email.job';
import { MembershipsRepository } from './memberships.repository';
import { LedgerModule } from '../ledger/ledger.module';
import { InventoryModule } from '../inventory/inventory.module';

@Module({
  // Every business gets its chart of accounts in the transaction that creates it.
  imports: [LedgerModule, InventoryModule],
  controllers: [BusinessesController, InvitationsController],
  providers: [BusinessesService, InvitationsService, MembershipsRepository, InvitationEmailJob],
  exports: [MembershipsRepository, InvitationEmailJob],
})
export class BusinessesModule {}
