import { Injectable } from '@nestjs/common';
import type { JobPayload } from '@keeper/jobs';
import { Db } from '../../../db/db';
import type { JobContext, JobHandler } from '../../../jobs/job-handler';
import { OutboxService } from '../../outbox/outbox.service';
import { CreditProfileService } from '../credit-profile.service';

/**
 * The debounced recompute a burst of changes asked for (see CreditSignals). The outbox row is
 * locked for the run and marked done with its effect, so a second delivery waits and then finds
 * nothing to do; the pending state in PostgreSQL decides whether there is work at all.
 */
@Injectable()
export class CreditRecomputeJob implements JobHandler<'credit.recompute'> {
  readonly job = 'credit.recompute' as const;

  constructor(
    private readonly db: Db,
    private readonly profiles: CreditProfileService,
    private readonly outbox: OutboxService,
  ) {}

  async handle(p: JobPayload<'credit.recompute'>, ctx: JobContext): Promise<void> {
    await this.db.tenant(p.businessId, async (t) => {
      if (ctx.outboxId && !(await this.outbox.lockUndone(t, ctx.outboxId))) return;
      await this.profiles.recomputePending(t);
      if (ctx.outboxId) await this.outbox.markDone(t, ctx.outboxId);
    });
  }
}
