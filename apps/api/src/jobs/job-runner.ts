import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { isJobName, JobName, JobPayloadError, parseJobPayload, QUEUE_NAMES } from '@keeper/jobs';
import { Job, UnrecoverableError, Worker } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { requestContext } from '../common/request-context';
import { Db } from '../db/db';
import { OutboxService } from '../modules/outbox/outbox.service';
import { DEFAULT_JOB_OPTIONS, JobEnvelope } from './job-queues';
import { JOB_HANDLERS, JobHandler } from './job-handler';
import { redisConnection } from './redis';

/** Runs every queue's processors in the worker process. */
@Injectable()
export class JobRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('jobs');
  private readonly handlers: Map<JobName, JobHandler>;
  private workers: Worker[] = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(JOB_HANDLERS) handlers: JobHandler[],
    private readonly db: Db,
    private readonly outbox: OutboxService,
  ) {
    this.handlers = new Map(handlers.map((h) => [h.job, h]));
  }

  onApplicationBootstrap() {
    this.workers = QUEUE_NAMES.map((queue) => {
      const worker = new Worker(queue, (job) => this.process(job), {
        connection: redisConnection(this.config.REDIS_URL, 'worker'),
        prefix: this.config.QUEUE_PREFIX,
        concurrency: 4,
      });
      worker.on('error', (err) => this.log.warn({ queue, err: err.message }, 'worker connection error'));
      worker.on('failed', (job, err) => void this.onFailed(job, err));
      return worker;
    });
  }

  /** Exposed for tests: runs one job exactly as the worker would. */
  async process(job: Pick<Job, 'id' | 'name' | 'data' | 'attemptsMade'>): Promise<void> {
    const name = job.name;
    if (!isJobName(name)) throw new UnrecoverableError(`No such job: ${name}`);
    const handler = this.handlers.get(name);
    if (!handler) throw new UnrecoverableError(`No handler for job ${name}`);
    const envelope = job.data as JobEnvelope;
    let payload;
    try {
      payload = parseJobPayload(name, envelope?.payload);
    } catch (e) {
      if (e instanceof JobPayloadError) throw new UnrecoverableError(e.message);
      throw e;
    }
    const jobId = String(job.id);
    await requestContext.run({ requestId: `job:${jobId}` }, async () => {
      const started = Date.now();
      await handler.handle(payload as never, { jobId, outboxId: envelope.outbox?.id ?? null, attempt: job.attemptsMade + 1 });
      this.log.log({ job: name, jobId, ms: Date.now() - started }, 'job done');
    });
  }

  private async onFailed(job: Job | undefined, err: Error) {
    if (!job) return;
    const final = err instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? DEFAULT_JOB_OPTIONS.attempts);
    this.log.warn({ job: job.name, jobId: job.id, attempt: job.attemptsMade, final, err: err.message }, 'job failed');
    const outbox = (job.data as JobEnvelope | undefined)?.outbox;
    if (final && outbox) {
      await this.db
        .tenant(outbox.businessId, (t) => this.outbox.markDead(t, outbox.id, err.message))
        .catch((e: Error) => this.log.error({ jobId: job.id, err: e.message }, 'could not mark outbox row dead'));
    }
  }

  async onApplicationShutdown() {
    await Promise.allSettled(this.workers.map((w) => w.close()));
  }
}
