import { epochDay } from './dates';
import { fixedFromDecimal, type Fixed } from './fixed';
import type { DatedAmount } from './input';

export interface Flow {
  readonly date: string;
  readonly amount: Fixed;
}

/**
 * Entries on the same date as one flow, in date order: both APR methods measure time between dates,
 * so two payments on one day are one payment.
 */
export function flowsByDate(entries: readonly DatedAmount[]): Flow[] {
  const totals = new Map<string, Fixed>();
  for (const { date, amount } of entries) totals.set(date, (totals.get(date) ?? 0n) + fixedFromDecimal(amount));
  return [...totals.entries()].map(([date, amount]) => ({ date, amount })).sort((a, b) => epochDay(a.date) - epochDay(b.date));
}
