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
