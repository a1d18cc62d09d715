import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { delayOf, JobName, JobPayload, parseJobPayload, QUEUE_NAMES, QueueName, queueOf } from '@keeper/jobs';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { redisConnection } from './redis';

/** What travels in Redis: the typed payload plus the outbox row it completes, if any. */
export interface JobEnvelope<N extends JobName = JobName> {
  payload: JobPayload<N>;
  outbox: { businessId: string; id: string } | null;
}

export const DEFAULT_JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 24 * 3600, count: 5000 },
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;

/** The typed producer: `enqueue('invitation.send-email', {...}, { jobId })`. */
@Injectable()
export class JobQueues implements OnApplicationShutdown {
  private readonly connection: Redis;
  private readonly queues: Map<QueueName, Queue>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.connection = redisConnection(config.REDIS_URL, 'producer');
    this.queues = new Map(
      QUEUE_NAMES.map((name) => [name, new Queue(name, { connection: this.connection, prefix: config.QUEUE_PREFIX })]),
    );
    for (const q of this.queues.values()) q.on('error', () => undefined);
  }

  async enqueue<N extends JobName>(
    name: N,
    payload: JobPayload<N>,
    opts: { jobId: string; outbox?: { businessId: string; id: string }; delayMs?: number },
  ): Promise<void> {
    const envelope: JobEnvelope<N> = { payload: parseJobPayload(name, payload), outbox: opts.outbox ?? null };
    await this.queue(queueOf(name)).add(name, envelope, {
      ...DEFAULT_JOB_OPTIONS,
      jobId: opts.jobId,
      // A job whose definition has a delay (a debounce) waits that long unless the caller says otherwise.
      delay: opts.delayMs ?? delayOf(name),
    });
  }

  queue(name: QueueName): Queue {
    const q = this.queues.get(name);
    if (!q) throw new Error(`Unknown queue ${name}`);
    return q;
  }

  async onApplicationShutdown() {
    await Promise.allSettled([...this.queues.values()].map((q) => q.close()));
    this.connection.disconnect();
  }
}
