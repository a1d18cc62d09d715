import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { JobName, Queue, queueOf } from '@keeper/jobs';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { DEFAULT_JOB_OPTIONS, JobEnvelope } from '../../../jobs/job-queues';
import { JobQueues } from '../../../jobs/job-queues';

/** The repeatable scans; each scheduler id is fixed, so every worker upserts the same one. */
export const SCANS: readonly JobName[] = ['recurring.scan', 'reminders.scan', 'stock.reorder-scan', 'consent.expiry-scan', 'credit.nightly-scan'];

/**
 * Registers the repeatable scan jobs with BullMQ's job schedulers. `upsertJobScheduler` keyed by
 * the job name is idempotent: many workers starting, or restarts, leave exactly one schedule, and
 * a changed interval replaces the old one.
 */
@Injectable()
export class ScanScheduler implements OnApplicationBootstrap {
  private readonly log = new Logger('scheduler');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queues: JobQueues,
  ) {}

  onApplicationBootstrap() {
    // Not awaited: with Redis down at start the commands wait for it, and the worker must still start.
    void this.register();
  }

  private async register() {
    const every = this.config.SCHEDULER_SCAN_EVERY_SECONDS * 1000;
    for (const name of SCANS) {
      const envelope: JobEnvelope = { payload: {} as never, outbox: null };
      try {
        await this.queues.queue(queueOf(name)).upsertJobScheduler(
          `scan:${name}`,
          { every },
          { name, data: envelope, opts: { attempts: 3, backoff: DEFAULT_JOB_OPTIONS.backoff, removeOnComplete: 100, removeOnFail: 1000 } },
        );
      } catch (e) {
        // Only reached when Redis refuses the command; the next worker start registers it again.
        this.log.warn({ job: name, queue: Queue.scheduler, err: (e as Error).message }, 'could not register repeatable scan');
      }
    }
  }
}
