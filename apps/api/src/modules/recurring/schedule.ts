import { addDays, addMonths } from '../../common/dates';

export const FREQUENCIES = ['weekly', 'monthly', 'quarterly', 'yearly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

const MONTHS: Record<Exclude<Frequency, 'weekly'>, number> = { monthly: 1, quarterly: 3, yearly: 12 };

/**
 * The n-th occurrence (0 = the start date). Always computed from the start date, never from the
 * previous occurrence, so a template starting on the 31st falls on the 28th/29th/30th in shorter
 * months and returns to the 31st afterwards.
 */
export function occurrenceDate(start: string, frequency: Frequency, n: number): string {
  if (frequency === 'weekly') return addDays(start, 7 * n);
  return addMonths(start, MONTHS[frequency] * n);
}

/** Whether a template has no occurrence left: its next date is past the end date, or it made its count of invoices. */
export function hasEnded(t: { nextDate: string; endDate: string | null; maxCount: number | null; generatedCount: number }): boolean {
  return (t.endDate !== null && t.nextDate > t.endDate) || (t.maxCount !== null && t.generatedCount >= t.maxCount);
}

/**
 * The schedule position after a change of start date or frequency: the first occurrence of the
 * new schedule after the last one already invoiced, so no date is invoiced twice; with nothing
 * invoiced yet, the new start.
 */
export function firstIndexAfter(start: string, frequency: Frequency, lastInvoiced: string | null): number {
  if (lastInvoiced === null) return 0;
  // Occurrences are monotonic in n, so a binary search finds the first one past lastInvoiced.
  let low = 0;
  let high = 1;
  while (occurrenceDate(start, frequency, high) <= lastInvoiced) high *= 2;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (occurrenceDate(start, frequency, mid) <= lastInvoiced) low = mid + 1;
    else high = mid;
  }
  return low;
}
