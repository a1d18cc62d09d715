/**
 * Calendar dates as ISO strings ("2026-01-31"). Arithmetic runs on whole UTC days, so no time zone or
 * daylight-saving change can move a due date.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export interface YearMonthDay {
  readonly year: number;
  readonly month: number; // 1..12
  readonly day: number;
}

/** The parts of a real calendar date, or null for anything else ("2023-02-29", "2026-1-5"). */
export function parseIsoDate(input: unknown): YearMonthDay | null {
  if (typeof input !== 'string') return null;
  const match = ISO_DATE.exec(input);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

function ymd(iso: string): YearMonthDay {
  const parts = parseIsoDate(iso);
  if (!parts) throw new RangeError(`Not an ISO calendar date: ${JSON.stringify(iso)}`);
  return parts;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function formatIsoDate({ year, month, day }: YearMonthDay): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  if (month !== 2) return MONTH_LENGTHS[month - 1];
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/** Days since 1970-01-01. */
export function epochDay(iso: string): number {
  const { year, month, day } = ymd(iso);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function fromEpochDay(days: number): string {
  return new Date(days * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return fromEpochDay(epochDay(iso) + days);
}

/** Actual days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return epochDay(to) - epochDay(from);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(iso: string): number {
  return new Date(epochDay(iso) * MS_PER_DAY).getUTCDay();
}

export function isLastDayOfMonth(iso: string): boolean {
  const { year, month, day } = ymd(iso);
  return day === daysInMonth(year, month);
}

/**
 * Moves `months` calendar months (negative goes back) and lands on `anchorDay` clamped to the target
 * month's length. Passing the schedule's anchor rather than the previous date's day is what makes a
 * loan due on the 31st fall on Feb 28/29 and return to the 31st in March.
 */
export function addMonths(iso: string, months: number, anchorDay?: number): string {
  const { year, month, day } = ymd(iso);
  const total = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(total / 12);
  const targetMonth = total - targetYear * 12 + 1;
  const wanted = anchorDay ?? day;
  return formatIsoDate({ year: targetYear, month: targetMonth, day: Math.min(wanted, daysInMonth(targetYear, targetMonth)) });
}

/**
 * The anchor to use when measuring whole months from `iso`: its own day, unless it is the last day of
 * a month, when it stands for the series' nominal day (a Feb 28 in a series due on the 30th measures
 * a month back to Jan 30, not Jan 28).
 */
export function monthAnchor(iso: string, seriesDay: number): number {
  const { day } = ymd(iso);
  return isLastDayOfMonth(iso) ? Math.max(day, seriesDay) : day;
}

/**
 * Whole months counted back from `later` without passing `earlier`, and the date where they start.
 * With a step of 12 this counts whole years.
 */
export function wholeMonthsBack(
  earlier: string,
  later: string,
  seriesDay: number,
  step = 1,
): { count: number; start: string } {
  const anchor = monthAnchor(later, seriesDay);
  const e = ymd(earlier);
  const l = ymd(later);
  let months = Math.max(0, l.year * 12 + l.month - (e.year * 12 + e.month));
  if (months > 0 && epochDay(addMonths(later, -months, anchor)) < epochDay(earlier)) months -= 1;
  // Going back fewer months never lands earlier, so the largest multiple of `step` is also safe.
  const count = Math.floor(months / step);
  return { count, start: count === 0 ? later : addMonths(later, -count * step, anchor) };
}

/**
 * 30/360 "bond basis" (2006 ISDA Definitions 4.16(f)) for an odd stretch of days:
 * D1 = 31 counts as 30, and D2 = 31 counts as 30 when D1 is 30 or 31.
 */
export function days360(from: string, to: string): number {
  const a = ymd(from);
  const b = ymd(to);
  const d1 = Math.min(a.day, 30);
  const d2 = d1 === 30 ? Math.min(b.day, 30) : b.day;
  return 360 * (b.year - a.year) + 30 * (b.month - a.month) + (d2 - d1);
}
