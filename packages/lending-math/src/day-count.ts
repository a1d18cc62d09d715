import { daysBetween, days360, wholeMonthsBack } from './dates';
import { ratio, type Ratio } from './ratio';

export const DAY_COUNTS = ['30/360', 'actual/365', 'actual/364', 'actual/360'] as const;
export type DayCount = (typeof DAY_COUNTS)[number];

const BASIS: Record<Exclude<DayCount, '30/360'>, number> = { 'actual/365': 365, 'actual/364': 364, 'actual/360': 360 };

/**
 * The fraction of a year between two dates under a day count. Under 30/360 every whole month of the
 * schedule is 30 days, whatever the calendar says (Jan 31 → Feb 28 → Mar 31 is 30 + 30), and only
 * the odd days around them go through the 30/360 bond-basis formula. `seriesDay` is the day of the
 * month the schedule falls due on, so a clamped Feb 28 still counts as a whole month.
 */
export function yearFractionByDayCount(from: string, to: string, dayCount: DayCount, seriesDay: number): Ratio {
  if (dayCount === '30/360') {
    const months = wholeMonthsBack(from, to, seriesDay);
    return ratio(30 * months.count + days360(from, months.start), 360);
  }
  return ratio(daysBetween(from, to), BASIS[dayCount]);
}

/**
 * The length of one regular period as a fraction of a year, which prices the level instalment:
 * a month is 1/12 year under 30/360 and actual/365, and 365/12 days elsewhere; a run of N days is
 * N/360 or N/basis.
 */
export function nominalPeriodFraction(periodDays: 'month' | number, dayCount: DayCount): Ratio {
  if (dayCount === '30/360') return periodDays === 'month' ? ratio(1, 12) : ratio(periodDays, 360);
  const basis = BASIS[dayCount];
  return periodDays === 'month' ? ratio(365, 12 * basis) : ratio(periodDays, basis);
}
