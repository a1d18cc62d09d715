import { z } from 'zod';
import { Queue, QueueName } from './queues';

const uuid = z.uuid();

/**
 * Every job: its queue and its payload schema. Payloads carry ids, never snapshots of data;
 * handlers reload state and exit early when the work is already done.
 */
export const JOBS = {
  'invitation.send-email': {
    queue: Queue.notifications,
    payload: z.object({ businessId: uuid, invitationId: uuid }).strict(),
  },
  'invoice.render-pdf': {
    queue: Queue.documents,
    payload: z.object({ businessId: uuid, invoiceId: uuid }).strict(),
  },
  'invoice.send-email': {
    queue: Queue.notifications,
    payload: z.object({ businessId: uuid, invoiceId: uuid, sendId: uuid }).strict(),
  },
  'purchase-order.send-email': {
    queue: Queue.notifications,
    payload: z.object({ businessId: uuid, purchaseOrderId: uuid, sendId: uuid }).strict(),
  },
  /** Stock of a product came in at a location (receipt, transfer, adjustment or count up): fill back-orders. */
  'stock.arrived': {
    queue: Queue.documents,
    payload: z.object({ businessId: uuid, productId: uuid, locationId: uuid }).strict(),
  },
  'quote.send-email': {
    queue: Queue.notifications,
    payload: z.object({ businessId: uuid, quoteId: uuid, sendId: uuid }).strict(),
  },
  /** Repeatable: finds templates with a due occurrence and enqueues one generate job each. */
  'recurring.scan': {
    queue: Queue.scheduler,
    payload: z.object({}).strict(),
  },
  /** Generates the occurrence and catches up the ones due after it (a bounded number per run). */
  'recurring.generate': {
    queue: Queue.scheduler,
    payload: z.object({ businessId: uuid, templateId: uuid, occurrenceDate: z.iso.date() }).strict(),
  },
  /** Tells the owner that a generated recurring invoice waits in draft to be issued (e.g. with the day's exchange rate). */
  'recurring.draft-ready': {
    queue: Queue.notifications,
    payload: z.object({ businessId: uuid, templateId: uuid, invoiceId: uuid }).strict(),
  },
  /** Repeatable: sends the payment reminders due today in each business's timezone. */
  'reminders.scan': {
    queue: Queue.scheduler,
    payload: z.object({}).strict(),
  },
  /** After stock moved or was reserved: re-evaluates the reorder rules watching these products at these locations. */
  'stock.check-reorder': {
    queue: Queue.scheduler,
    payload: z
      .object({
        businessId: uuid,
        pairs: z.array(z.object({ productId: uuid, locationId: uuid }).strict()).min(1).max(1000),
      })
      .strict(),
  },
  /** Repeatable: re-evaluates the reorder rules whose low/not-low state no longer matches their stock. */
  'stock.reorder-scan': {
    queue: Queue.scheduler,
    payload: z.object({}).strict(),
  },
  /**
   * A consent grant changed (granted, renewed, narrowed, revoked, replaced or expired): the event
   * names the version. Today it tells the business's owners; the credit pipeline and lender
   * webhooks will follow the same event.
   */
  'consent.changed': {
    queue: Queue.notifications,
    payload: z.object({ businessId: uuid, grantId: uuid, eventId: uuid }).strict(),
  },
  /** Repeatable: records the expiry of every grant whose time ran out (once each). */
  'consent.expiry-scan': {
    queue: Queue.scheduler,
    payload: z.object({}).strict(),
  },
  /**
   * The books (or a consent grant, or the owner) asked for the business's credit profile to be
   * recomputed. Written once per burst of changes (CreditSignals), and run `delayMs` after it is
   * dispatched, so a burst of 100 invoices is one recompute that sees all of them.
   */
  'credit.recompute': {
    queue: Queue.credit,
    payload: z.object({ businessId: uuid }).strict(),
    delayMs: 2000,
  },
  /** Repeatable: queues the nightly re-scoring of every business with a live consent grant. */
  'credit.nightly-scan': {
    queue: Queue.scheduler,
    payload: z.object({}).strict(),
  },
  /** Re-scores one business as of its new day, once per day in its timezone. */
  'credit.nightly-score': {
    queue: Queue.credit,
    payload: z.object({ businessId: uuid }).strict(),
  },
} as const satisfies Record<string, { queue: QueueName; payload: z.ZodType; delayMs?: number }>;

export type JobName = keyof typeof JOBS;
export type JobPayload<N extends JobName> = z.infer<(typeof JOBS)[N]['payload']>;
export const JOB_NAMES = Object.keys(JOBS) as JobName[];

export function isJobName(name: string): name is JobName {
  return Object.prototype.hasOwnProperty.call(JOBS, name);
}

export function queueOf(name: JobName): QueueName {
  return JOBS[name].queue;
}

/** How long after it is enqueued a job runs (a debounce window), when its definition says so. */
export function delayOf(name: JobName): number | undefined {
  const job = JOBS[name];
  return 'delayMs' in job ? job.delayMs : undefined;
}

export class JobPayloadError extends Error {
  constructor(
    readonly job: string,
    readonly issues: string,
  ) {
    super(`Invalid payload for job ${job}: ${issues}`);
  }
}

/** Validates a payload against its job's schema; throws JobPayloadError naming the job. */
export function parseJobPayload<N extends JobName>(name: N, payload: unknown): JobPayload<N> {
  const result = JOBS[name].payload.safeParse(payload);
  if (!result.success) {
    throw new JobPayloadError(name, result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  }
  return result.data as JobPayload<N>;
}
