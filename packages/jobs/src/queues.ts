/**
 * Every BullMQ queue Keeper uses. Queues group jobs by the kind of resource they need, so each can
 * be given its own concurrency and scaled separately.
 */
export const Queue = {
  /** Mail and other messages to people. */
  notifications: 'notifications',
  /** Rendering documents (invoice PDFs): CPU-bound, kept apart so mail is never stuck behind it. */
  documents: 'documents',
  /** Repeatable scans and the work they find (recurring invoices, payment reminders, consent expiries). */
  scheduler: 'scheduler',
  /** Credit features and profiles: database-heavy recomputes, kept apart so they never hold up mail or scans. */
  credit: 'credit',
} as const;

export type QueueName = (typeof Queue)[keyof typeof Queue];
export const QUEUE_NAMES: readonly QueueName[] = Object.values(Queue);
