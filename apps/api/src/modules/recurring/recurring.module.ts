import { Module } from '@nestjs/common';
import { InvoiceDocumentsModule } from '../invoice-documents/invoice-documents.module';
import { InvoicesModule } from '../invoices/invoices.module';
import { LedgerModule } from '../ledger/ledger.module';
import { RecurringDraftReadyJob } from './jobs/recurring-draft-ready.job';
import { RecurringGenerateJob } from './jobs/recurring-generate.job';
import { RecurringController } from './recurring.controller';
import { RecurringGenerator } from './recurring-generator';
import { RecurringRepository } from './recurring.repository';
import { RecurringService } from './recurring.service';

/** Recurring invoice templates (HTTP) and their generation (worker; the jobs are wired in WorkerModule). */
@Module({
  imports: [InvoicesModule, InvoiceDocumentsModule, LedgerModule],
  controllers: [RecurringController],
  providers: [RecurringService, RecurringRepository, RecurringGenerator, RecurringGenerateJob, RecurringDraftReadyJob],
  exports: [RecurringService, RecurringRepository, RecurringGenerator, RecurringGenerateJob, RecurringDraftReadyJob],
})
export class RecurringModule {}
