import type { JobName, JobPayload } from '@keeper/jobs';

export interface JobContext {
  /** BullMQ job id: the outbox row id for outbox-driven jobs. */
  jobId: string;
  /** Set when the job came from the outbox; the handler marks it done with its effect. */
  outboxId: string | null;
  attempt: number;
}

/**
 * One handler per job name. Handlers must be idempotent: reload state by id, exit early when the
 * work is already done, and commit the outbox row's completion together with the effect.
 */
export interface JobHandler<N extends JobName = JobName> {
  readonly job: N;
  handle(payload: JobPayload<N>, ctx: JobContext): Promise<void>;
}

export const JOB_HANDLERS = Symbol('JOB_HANDLERS');
