import { addDays } from '../../common/dates';
import { validationFailed } from '../../common/errors';

/** An inclusive range of calendar days, YYYY-MM-DD. */
export interface Period {
  from: string;
  to: string;
}

const parse = (iso: string) => new Date(`${iso}T00:00:00Z`);
const format = (d: Date) => d.toISOString().slice(0, 10);


export const startOfMonth = (iso: string) => `${iso.slice(0, 7)}-01`;
export const startOfYear = (iso: string) => `${iso.slice(0, 4)}-01-01`;

/** The first day of the month `months` after the month of `iso` (negative goes back). */
export function monthStartAfter(iso: string, months: number): string {
  const d = parse(startOfMonth(iso));
  d.setUTCMonth(d.getUTCMonth() + months);
  return format(d);
}

export const endOfMonth = (iso: string) => addDays(monthStartAfter(iso, 1), -1);

const daysBetween = (from: string, to: string) => Math.round((parse(to).getTime() - parse(from).getTime()) / 86_400_000);

/**
 * The range a report covers: `to` defaults to today, `from` to the first day of the month of `to`
 * (so a bare request is "this month so far").
 */
export function resolvePeriod(q: { from?: string; to?: string }, today: string): Period {
  const to = q.to ?? today;
  const from = q.from ?? startOfMonth(to);
  if (from > to) throw validationFailed([{ field: 'from', code: 'after_to', message: 'must not be after to' }]);
  return { from, to };
}

/**
 * The period of the same length just before `p`. Whole calendar months compare with the same
 * number of whole months before them (March with February, not with the 31 days before March);
 * any other range with the same number of days ending the day before `from`.
 */
export function previousPeriod(p: Period): Period {
  if (p.from === startOfMonth(p.from) && p.to === endOfMonth(p.to)) {
    const months = (Number(p.to.slice(0, 4)) - Number(p.from.slice(0, 4))) * 12 + Number(p.to.slice(5, 7)) - Number(p.from.slice(5, 7)) + 1;
    const from = monthStartAfter(p.from, -months);
    return { from, to: addDays(p.from, -1) };
  }
  const days = daysBetween(p.from, p.to) + 1;
  return { from: addDays(p.from, -days), to: addDays(p.from, -1) };
}
