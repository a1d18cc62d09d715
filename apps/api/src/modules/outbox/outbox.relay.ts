import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { isJobName } from '@keeper/jobs';
import { Client } from 'pg';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { Db } from '../../db/db';
import { JobQueues } from '../../jobs/job-queues';

interface ClaimedRow {
  business_id: string;
  id: string;
  job: string;
  payload: unknown;
  dispatch_count: number;
}

const BATCH = 100;
// BullMQ waits for Redis to come back rather than failing; the relay gives up on a row after this
// long so one outage cannot stall it. If the abandoned add lands later, the row's next dispatch
// uses the same jobId and BullMQ keeps a single job.
const ENQUEUE_TIMEOUT_MS = 3000;

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`queue did not answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Moves outbox rows to BullMQ with jobId = outbox id (so a row dispatched twice is still one job
 * while BullMQ remembers it). Woken by NOTIFY on insert and by a poll; a dispatched row whose job
 * never completed (Redis flushed or restarted, worker killed) is claimed again after
 * OUTBOX_REDISPATCH_AFTER_SECONDS, so nothing written to PostgreSQL is lost.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('outbox');
  private timer: NodeJS.Timeout | null = null;
  private listener: Client | null = null;
  private running = false;
  private again = false;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly queues: JobQueues,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap() {
    this.timer = setInterval(() => void this.drain(), this.config.OUTBOX_POLL_MS);
    void this.listen();
    void this.drain();
  }

  /** Dispatches everything due; returns how many rows were handed to BullMQ. */
  async drain(): Promise<number> {
    if (this.running) {
      this.again = true;
      return 0;
    }
    this.running = true;
    let dispatched = 0;
    try {
      do {
        this.again = false;
        const rows = await this.db.account(null, (tx) =>
          tx.query<ClaimedRow>(`SELECT * FROM claim_outbox($1, $2)`, [BATCH, this.config.OUTBOX_REDISPATCH_AFTER_SECONDS]),
        );
        for (const [i, row] of rows.entries()) {
          if (await this.dispatch(row)) {
            dispatched++;
            continue;
          }
          // Redis is likely unreachable: hand the rest back at once rather than failing each in turn.
          for (const rest of rows.slice(i + 1)) await this.release(rest, 'not attempted: queue unavailable');
          this.again = false;
          break;
        }
        if (rows.length === BATCH) this.again = true;
      } while (this.again && !this.stopped);
    } catch (e) {
      this.log.warn({ err: (e as Error).message }, 'outbox pass failed; will retry');
    } finally {
      this.running = false;
    }
    return dispatched;
  }

  private async dispatch(row: ClaimedRow): Promise<boolean> {
    try {
      if (!isJobName(row.job)) throw new Error(`unknown job ${row.job}`);
      const added = this.queues.enqueue(row.job, row.payload as never, {
        jobId: row.id,
        outbox: { businessId: row.business_id, id: row.id },
      });
      added.catch(() => undefined);
      await withTimeout(added, ENQUEUE_TIMEOUT_MS);
      return true;
    } catch (e) {
      const message = (e as Error).message;
      await this.release(row, message);
      this.log.warn({ outboxId: row.id, job: row.job, err: message }, 'dispatch failed; row left for the next pass');
      return false;
    }
  }

  private async release(row: ClaimedRow, reason: string) {
    await this.db
      .account(null, (tx) => tx.query(`SELECT release_outbox($1, $2, $3)`, [row.business_id, row.id, reason]))
      .catch(() => undefined);
  }

  private async listen() {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.config.DATABASE_URL, application_name: 'keeper-outbox-listener' });
    client.on('error', () => undefined);
    client.on('end', () => {
      this.listener = null;
      if (!this.stopped) setTimeout(() => void this.listen(), 2000);
    });
    client.on('notification', () => void this.drain());
    try {
      await client.connect();
      await client.query('LISTEN outbox');
      this.listener = client;
    } catch {
      await client.end().catch(() => undefined);
    }
  }

  async onApplicationShutdown() {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.listener?.end().catch(() => undefined);
  }
}
