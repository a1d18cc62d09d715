import { Injectable } from '@nestjs/common';
import { JobName, JobPayload, parseJobPayload } from '@keeper/jobs';
import { TenantTx } from '../../db/db';

/**
 * Writes work to do in the same transaction as the state change that calls for it. The relay
 * (worker process) hands each row to BullMQ with the row's id as job id; nothing is lost when
 * Redis is down or flushed, because the row stays open until the job marks it done.
 */
@Injectable()
export class OutboxService {
  async add<N extends JobName>(t: TenantTx, job: N, payload: JobPayload<N>): Promise<string> {
    const valid = parseJobPayload(job, payload);
    const [row] = await t.query<{ id: string }>(
      `INSERT INTO outbox (business_id, job, payload) VALUES ($1, $2, $3) RETURNING id`,
      [t.businessId, job, valid],
    );
    return row.id;
  }

  /** Called by a job handler inside its tenant transaction, together with the job's effect. */
  async markDone(t: TenantTx, outboxId: string): Promise<void> {
    await t.execute(
      `UPDATE outbox SET status = 'done', done_at = now(), last_error = NULL
        WHERE business_id = $1 AND id = $2 AND status <> 'done'`,
      [t.businessId, outboxId],
    );
  }

  /**
   * Locks the row for a handler whose effect leaves no trace of its own to check (an email):
   * false when it is already done, so a duplicate delivery waits here and then does nothing.
   */
  async lockUndone(t: TenantTx, outboxId: string): Promise<boolean> {
    const [row] = await t.query<{ status: string }>(
      `SELECT status FROM outbox WHERE business_id = $1 AND id = $2 FOR UPDATE`,
      [t.businessId, outboxId],
    );
    return !!row && row.status !== 'done';
  }

  async markDead(t: TenantTx, outboxId: string, error: string): Promise<void> {
    await t.execute(
      `UPDATE outbox SET status = 'dead', last_error = left($3, 2000) WHERE business_id = $1 AND id = $2 AND status <> 'done'`,
      [t.businessId, outboxId, error],
    );
  }
}
