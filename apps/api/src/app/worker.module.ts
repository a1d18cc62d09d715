import { DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '../config/config';
import { JOB_HANDLERS, JobHandler } from '../jobs/job-handler';
import { JobQueues } from '../jobs/job-queues';
import { JobRunner } from '../jobs/job-runner';
import { BusinessesModule } from '../modules/businesses/businesses.module';
import { InvitationEmailJob } from '../modules/businesses/jobs/invitation-email.job';
import { InvoiceDocumentsModule } from '../modules/invoice-documents/invoice-documents.module';
import { RenderInvoicePdfJob } from '../modules/invoice-documents/jobs/render-invoice-pdf.job';
import { SendInvoiceEmailJob } from '../modules/invoice-documents/jobs/send-invoice-email.job';
import { OutboxRelay } from '../modules/outbox/outbox.relay';
import { RecurringDraftReadyJob } from '../modules/recurring/jobs/recurring-draft-ready.job';
import { SendPurchaseOrderEmailJob } from '../modules/purchasing/purchase-orders/jobs/send-purchase-order-email.job';
import { PurchasingModule } from '../modules/purchasing/purchasing.module';
import { RecurringGenerateJob } from '../modules/recurring/jobs/recurring-generate.job';
import { RecurringScanJob } from '../modules/recurring/jobs/recurring-scan.job';
import { ScanScheduler } from '../modules/recurring/jobs/scan-scheduler';
import { RecurringModule } from '../modules/recurring/recurring.module';
import { RemindersScanJob } from '../modules/reminders/jobs/reminders-scan.job';
import { RemindersModule } from '../modules/reminders/reminders.module';
import { CheckReorderJob } from '../modules/inventory/reorder/jobs/check-reorder.job';
import { ReorderScanJob } from '../modules/inventory/reorder/jobs/reorder-scan.job';
import { ReorderModule } from '../modules/inventory/reorder/reorder.module';
import { FillBackOrdersJob } from '../modules/sales/orders/jobs/fill-back-orders.job';
import { SendQuoteEmailJob } from '../modules/sales/quotes/jobs/send-quote-email.job';
import { SalesModule } from '../modules/sales/sales.module';
import { ConsentModule } from '../modules/consent/consent.module';
import { ConsentChangedJob } from '../modules/consent/jobs/consent-changed.job';
import { ConsentExpiryScanJob } from '../modules/consent/jobs/consent-expiry-scan.job';
import { CreditModule } from '../modules/credit/credit.module';
import { CreditNightlyScanJob } from '../modules/credit/jobs/credit-nightly-scan.job';
import { CreditNightlyScoreJob } from '../modules/credit/jobs/credit-nightly-score.job';
import { CreditRecomputeJob } from '../modules/credit/jobs/credit-recompute.job';
import { CoreModule } from './core.module';

/** The worker: BullMQ processors and the outbox relay, no HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, opts: { relay?: boolean; runner?: boolean; scheduler?: boolean } = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [CoreModule.forRoot(config, 'worker'), BusinessesModule, InvoiceDocumentsModule, RecurringModule, RemindersModule, ReorderModule, SalesModule, PurchasingModule, ConsentModule, CreditModule],
      providers: [
        JobQueues,
        RecurringScanJob,
        RemindersScanJob,
        CreditNightlyScanJob,
        {
          provide: JOB_HANDLERS,
          useFactory: (...handlers: JobHandler[]) => handlers,
          inject: [
            InvitationEmailJob,
            RenderInvoicePdfJob,
            SendInvoiceEmailJob,
            RecurringScanJob,
            RecurringGenerateJob,
            RecurringDraftReadyJob,
            RemindersScanJob,
            CheckReorderJob,
            ReorderScanJob,
            SendQuoteEmailJob,
            FillBackOrdersJob,
            SendPurchaseOrderEmailJob,
            ConsentChangedJob,
            ConsentExpiryScanJob,
            CreditRecomputeJob,
            CreditNightlyScanJob,
            CreditNightlyScoreJob,
          ],
        },
        ...(opts.runner === false ? [] : [JobRunner]),
        ...(opts.relay === false ? [] : [OutboxRelay]),
        ...(opts.scheduler === false ? [] : [ScanScheduler]),
      ],
      exports: [JobQueues],
    };
  }
}
