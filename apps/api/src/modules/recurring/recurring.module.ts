import { Module } from '@nestjs/common';
import { InvoicesModule } from '../invoices/invoices.module';
import { LedgerModule } from '../ledger/ledger.module';
import { RecurringController } from './recurring.controller';
import { RecurringRepository } from './recurring.repository';
import { RecurringService } from './recurring.service';

/** Recurring invoice templates (HTTP). The worker's jobs live in jobs/ and are wired in WorkerModule. */
@Module({
  imports: [InvoicesModule, LedgerModule],
  controllers: [RecurringController],
  providers: [RecurringService, RecurringRepository],
  exports: [RecurringService, RecurringRepository],
})
export class RecurringModule {}
