import type { JobRunner } from '../src/jobs/job-runner';
import { sqlAs } from './harness';

/**
 * Runs the open outbox rows of a job whose payload has `field` = `value`, as the worker would
 * (each delivered `times` times at once, to prove the handler runs its effect once). Returns how
 * many rows there were.
 */
export async function runOutboxJobs(
  runner: JobRunner,
  businessId: string,
  job: string,
  match: { field: string; value: string },
  times = 1,
): Promise<number> {
  const db = await sqlAs('postgres');
  const { rows } = await db.query(
    `SELECT id, payload FROM outbox WHERE business_id = $1 AND job = $2 AND payload->>$3 = $4 AND status <> 'done' ORDER BY created_at`,
    [businessId, job, match.field, match.value],
  );
  await db.end();
  for (const row of rows) {
    const delivery = { id: row.id, name: job, data: { payload: row.payload, outbox: { businessId, id: row.id } }, attemptsMade: 0 };
    await Promise.all(Array.from({ length: times }, () => runner.process(delivery)));
  }
  return rows.length;
}
