import { Injectable } from '@nestjs/common';
import type { JobPayload } from '@keeper/jobs';
import { Db } from '../../../db/db';
import type { JobContext, JobHandler } from '../../../jobs/job-handler';
import { OutboxService } from '../../outbox/outbox.service';
import { ConsentNotices } from '../consent-notices';

/** Tells the owners about a consent change; once per outbox row. */
@Injectable()
export class ConsentChangedJob implements JobHandler<'consent.changed'> {
  readonly job = 'consent.changed' as const;

  constructor(
    private readonly db: Db,
    private readonly notices: ConsentNotices,
    private readonly outbox: OutboxService,
  ) {}

  async handle(p: JobPayload<'consent.changed'>, ctx: JobContext): Promise<void> {
    await this.db.tenant(p.businessId, async (t) => {
      // A mail leaves no row to re-check, so the outbox row is the record: locked, and marked done
      // in the transaction that sent it; a duplicate delivery waits on the lock and finds it done.
      if (ctx.outboxId && !(await this.outbox.lockUndone(t, ctx.outboxId))) return;
      await this.notices.send(t, p.grantId, p.eventId);
      if (ctx.outboxId) await this.outbox.markDone(t, ctx.outboxId);
    });
  }
}
