import { Injectable } from '@nestjs/common';
import type { JobPayload } from '@keeper/jobs';
import { Db } from '../../../../db/db';
import type { JobContext, JobHandler } from '../../../../jobs/job-handler';
import { OutboxService } from '../../../outbox/outbox.service';
import { ReorderService } from '../reorder.service';

/** After a stock operation or reservation: re-evaluates the rules watching what moved; safe to run twice. */
@Injectable()
export class CheckReorderJob implements JobHandler<'stock.check-reorder'> {
  readonly job = 'stock.check-reorder' as const;

  constructor(
    private readonly db: Db,
    private readonly reorder: ReorderService,
    private readonly outbox: OutboxService,
  ) {}

  async handle(p: JobPayload<'stock.check-reorder'>, ctx: JobContext): Promise<void> {
    await this.db.tenant(p.businessId, async (t) => {
      await this.reorder.evaluate(t, { pairs: p.pairs });
      if (ctx.outboxId) await this.outbox.markDone(t, ctx.outboxId);
    });
  }
}
