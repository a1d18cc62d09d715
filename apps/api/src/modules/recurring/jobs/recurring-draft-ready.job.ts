import { Injectable } from '@nestjs/common';
import type { JobPayload } from '@keeper/jobs';
import { Db } from '../../../db/db';
import type { JobContext, JobHandler } from '../../../jobs/job-handler';
import { OutboxService } from '../../outbox/outbox.service';
import { RecurringGenerator } from '../recurring-generator';

/** Emails the owner that a generated recurring invoice waits in draft; once per outbox row. */
@Injectable()
export class RecurringDraftReadyJob implements JobHandler<'recurring.draft-ready'> {
  readonly job = 'recurring.draft-ready' as const;

  constructor(
    private readonly db: Db,
    private readonly generator: RecurringGenerator,
    private readonly outbox: OutboxService,
  ) {}

  async handle(p: JobPayload<'recurring.draft-ready'>, ctx: JobContext): Promise<void> {
    await this.db.tenant(p.businessId, async (t) => {
      // An email leaves no row to re-check, so the outbox row itself is the record: locked, and
      // marked done in the transaction that sent the mail.
      if (ctx.outboxId && !(await this.outbox.lockUndone(t, ctx.outboxId))) return;
      await this.generator.notifyDraft(t, p.templateId, p.invoiceId);
      if (ctx.outboxId) await this.outbox.markDone(t, ctx.outboxId);
    });
  }
}
