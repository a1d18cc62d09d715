import { Injectable } from '@nestjs/common';
import type { JobPayload } from '@keeper/jobs';
import { Db } from '../../../db/db';
import type { JobContext, JobHandler } from '../../../jobs/job-handler';
import { OutboxService } from '../../outbox/outbox.service';
import { InvoicePdfService } from '../invoice-pdf.service';

/**
 * Renders an issued invoice's PDF and keeps it. Exits early when the stored PDF already shows the
 * invoice's current state; the outbox row is marked done in the same transaction as the PDF.
 */
@Injectable()
export class RenderInvoicePdfJob implements JobHandler<'invoice.render-pdf'> {
  readonly job = 'invoice.render-pdf' as const;

  constructor(
    private readonly db: Db,
    private readonly pdfs: InvoicePdfService,
    private readonly outbox: OutboxService,
  ) {}

  async handle(p: JobPayload<'invoice.render-pdf'>, ctx: JobContext): Promise<void> {
    await this.db.tenant(p.businessId, async (t) => {
      await this.pdfs.ensureCurrent(t, p.invoiceId);
      if (ctx.outboxId) await this.outbox.markDone(t, ctx.outboxId);
    });
  }
}
