/**
 * Annual percentage rate by the actuarial method of US Regulation Z, Appendix J to 12 CFR Part 1026
 * ("App. J" below), for any dated advances and payments: odd first periods, irregular first or final
 * payments, single-payment loans and multiple advances.
 */
import { roundDiv } from '@keeper/money';
import { addMonths, daysBetween, epochDay, isLastDayOfMonth, monthAnchor, parseIsoDate, wholeMonthsBack } from './dates';
import { invalid } from './errors';
import { div, mul, ONE, powInt, type Fixed } from './fixed';
import { flowsByDate } from './flows';
import { readDatedAmount, RequestReader, type DatedAmount } from './input';
import { ratio, type Ratio } from './ratio';
import { solveRate } from './solver';

export const UNIT_PERIOD_NAMES = [
  'day', 'week', '2-weeks', '4-weeks', 'half-month', 'month', '2-months', 'quarter', 'half-year', 'year',
] as const;
export type UnitPeriodName = (typeof UNIT_PERIOD_NAMES)[number];

/**
 * App. J (b)(3)(iii): a standard interval is a day, week, semimonth, month, or a multiple of a week
 * or a month up to a year. `days` with a count other than 1 only arises as a common period of the
 * transaction itself (payments every 10 days); `term` is the single-advance, single-payment case.
 */
export type UnitPeriod =
  | { readonly kind: 'days'; readonly days: number }
  | { readonly kind: 'weeks'; readonly weeks: number }
  | { readonly kind: 'semimonth' }
  | { readonly kind: 'months'; readonly months: number }
  | { readonly kind: 'term'; readonly months: number; readonly days: number };

const NAMED: Record<UnitPeriodName, UnitPeriod> = {
  day: { kind: 'days', days: 1 },
  week: { kind: 'weeks', weeks: 1 },
  '2-weeks': { kind: 'weeks', weeks: 2 },
  '4-weeks': { kind: 'weeks', weeks: 4 },
  'half-month': { kind: 'semimonth' },
  month: { kind: 'months', months: 1 },
  '2-months': { kind: 'months', months: 2 },
  quarter: { kind: 'months', months: 3 },
  'half-year': { kind: 'months', months: 6 },
  year: { kind: 'months', months: 12 },
};

export interface RegZAprInput {
  readonly advances: readonly DatedAmount[];
  readonly payments: readonly DatedAmount[];
  readonly unitPeriod?: UnitPeriodName;
}

export interface RegZApr {
  /** The APR as a fraction (0.0969… for 9.69 %). */
  readonly annualRate: Fixed;
  readonly unitPeriod: UnitPeriod;
  readonly unitPeriodsPerYear: Ratio;
  readonly periodicRate: Fixed;
}

/** Where a flow sits: `fraction` of a unit period first, then `whole` unit periods (App. J (b)(8)). */
interface Position {
  readonly whole: number;
  readonly fraction: Ratio;
}

export function regZAprFromJson(json: unknown): RegZAprInput & { decimals: number } {
  const reader = new RequestReader(json, ['advances', 'payments', 'unitPeriod', 'decimals']);
  const keys = ['date', 'amount'];
  const advances = reader.list('advances', readDatedAmount, keys);
  const payments = reader.list('payments', readDatedAmount, keys);
  const unitPeriod = reader.oneOf('unitPeriod', UNIT_PERIOD_NAMES, true);
  const decimals = reader.integer('decimals', { min: 2, max: 10 }, true) ?? 2;
  return reader.done(() => ({ advances, payments, unitPeriod, decimals }));
}

/**
 * App. J (b)(3)(iv): a series of payments (or advances) on the 29th-31st keeps its day through
 * shorter months. The first advance starts the term and is no part of a series.
 */
export function seriesDayOf(laterDates: readonly string[]): number {
  return Math.max(1, ...laterDates.map((date) => parseIsoDate(date)!.day));
}

/** Length in 1/24 days (a semimonth is 365/24 days), for comparing periods with integers. */
function length24(unit: UnitPeriod): number {
  switch (unit.kind) {
    case 'days':
      return 24 * unit.days;
    case 'weeks':
      return 168 * unit.weeks;
    case 'semimonth':
      return 365;
    case 'months':
      return 730 * unit.months;
    case 'term':
      return 24 * unit.days;
  }
}

function keyOf(unit: UnitPeriod): string {
  return JSON.stringify(unit);
}

/** 1 → 16, 15 → month end, 16 → 1st and month end → 15th of the next month. */
function halfMonthAfter(iso: string): string {
  const { day } = parseIsoDate(iso)!;
  if (isLastDayOfMonth(iso)) return addMonths(iso, 1, 15);
  if (day < 15) return addMonths(iso, 0, day + 15);
  if (day === 15) return addMonths(iso, 0, 31);
  return addMonths(iso, 1, day - 15);
}

/** The standard interval a period equals exactly, or its length in days when it is none. */
export function classifyPeriod(from: string, to: string, seriesDay: number): UnitPeriod {
  const anchor = monthAnchor(from, seriesDay);
  for (let months = 1; months <= 12; months += 1) {
    if (addMonths(from, months, anchor) === to) return { kind: 'months', months };
  }
  if (halfMonthAfter(from) === to) return { kind: 'semimonth' };
  const days = daysBetween(from, to);
  if (days % 7 === 0 && days / 7 <= 52) return { kind: 'weeks', weeks: days / 7 };
  return { kind: 'days', days };
}

const STANDARD_INTERVALS: readonly UnitPeriod[] = [
  { kind: 'days', days: 1 } as UnitPeriod,
  ...Array.from({ length: 52 }, (_, i): UnitPeriod => ({ kind: 'weeks', weeks: i + 1 })),
  { kind: 'semimonth' } as UnitPeriod,
  ...Array.from({ length: 12 }, (_, i): UnitPeriod => ({ kind: 'months', months: i + 1 })),
].sort((a, b) => length24(a) - length24(b));

/** App. J (b)(4): the unit period of a transaction. */
export function chooseUnitPeriod(advanceDates: readonly string[], paymentDates: readonly string[], seriesDay: number): UnitPeriod {
  const start = advanceDates[0];
  const last = [...advanceDates, ...paymentDates].reduce((a, b) => (epochDay(a) >= epochDay(b) ? a : b));
  // (b)(4)(ii), (b)(5)(vi)-(vii): single advance, single payment: the term, capped at a year.
  if (advanceDates.length === 1 && paymentDates.length === 1) {
    const whole = wholeMonthsBack(start, last, seriesDay);
    if (epochDay(last) >= epochDay(addMonths(start, 12))) return { kind: 'months', months: 12 };
    return { kind: 'term', months: whole.start === start ? whole.count : 0, days: daysBetween(start, last) };
  }
  // (b)(3)(i): periods run between advances, between payments, and from the start to the first payment.
  const periods: Array<[string, string]> = [];
  for (let i = 1; i < advanceDates.length; i += 1) periods.push([advanceDates[i - 1], advanceDates[i]]);
  const firstPayment = paymentDates[0];
  if (epochDay(firstPayment) > epochDay(start)) periods.push([start, firstPayment]);
  for (let i = 1; i < paymentDates.length; i += 1) periods.push([paymentDates[i - 1], paymentDates[i]]);

  const counts = new Map<string, { unit: UnitPeriod; count: number }>();
  for (const [from, to] of periods) {
    const unit = classifyPeriod(from, to, seriesDay);
    const entry = counts.get(keyOf(unit)) ?? { unit, count: 0 };
    entry.count += 1;
    counts.set(keyOf(unit), entry);
  }
  // (b)(3)(ii) a common period occurs more than once; (b)(4)(i) the most frequent one, not over a
  // year, and (A) the smaller of equally frequent ones.
  const common = [...counts.values()]
    .filter(({ unit, count }) => count > 1 && length24(unit) <= length24({ kind: 'months', months: 12 }))
    .sort((a, b) => b.count - a.count || length24(a.unit) - length24(b.unit));
  if (common.length > 0) return common[0].unit;

  // (b)(4)(i)(B) no common period: the average period rounded to the nearest standard interval,
  // the lower one when equally near.
  const totalDays24 = 24 * daysBetween(start, last);
  const n = Math.max(periods.length, 1);
  let best = STANDARD_INTERVALS[0];
  for (const candidate of STANDARD_INTERVALS) {
    const distance = Math.abs(totalDays24 - length24(candidate) * n);
    const bestDistance = Math.abs(totalDays24 - length24(best) * n);
    if (distance < bestDistance) best = candidate;
  }
  return best;
}

export function unitPeriodsPerYear(unit: UnitPeriod): Ratio {
  switch (unit.kind) {
    case 'days':
      return ratio(365, unit.days); // (b)(5)(iv): 365 days a year
    case 'weeks':
      return ratio(52, unit.weeks); // (b)(5)(iv): 52 weeks a year
    case 'semimonth':
      return ratio(24); // (b)(5)(iii)
    case 'months':
      return ratio(12, unit.months); // (b)(5)(ii), (iii), (v)
    case 'term':
      // (b)(5)(vi): 12 divided by the months in the term; (vii): 365 divided by its days.
      return unit.months > 0 ? ratio(12, unit.months) : ratio(365, unit.days);
  }
}

/** App. J (b)(5): whole unit periods and the fraction of one between the start and a flow. */
export function positionOf(start: string, date: string, unit: UnitPeriod, seriesDay: number): Position {
  const split = (total: number, per: number): Position => ({
    whole: Math.floor(total / per),
    fraction: ratio(total % per, per),
  });
  switch (unit.kind) {
    case 'term':
      return date === start ? { whole: 0, fraction: ratio(0) } : { whole: 1, fraction: ratio(0) };
    case 'days': // (b)(5)(iv)
      return split(daysBetween(start, date), unit.days);
    case 'weeks': // (b)(5)(iv)
      return split(daysBetween(start, date), 7 * unit.weeks);
    case 'semimonth':
    case 'months': {
      if (unit.kind === 'months' && unit.months === 12) {
        // (b)(5)(v): whole years back from the later date; the rest in months/12 when it is whole
        // months, otherwise in days/365.
        const years = wholeMonthsBack(start, date, seriesDay, 12);
        const months = wholeMonthsBack(start, years.start, seriesDay);
        const fraction = months.start === start ? ratio(months.count, 12) : ratio(daysBetween(start, years.start), 365);
        return { whole: years.count, fraction };
      }
      const months = wholeMonthsBack(start, date, seriesDay);
      const oddDays = daysBetween(start, months.start);
      // (b)(5)(ii): months back from the later date, the odd days forward from the earlier one / 30.
      if (unit.kind === 'months' && unit.months === 1) return { whole: months.count, fraction: ratio(oddDays, 30) };
      // (b)(5)(iii): 30 days a month plus the odd days, divided by 15 or by 30 × months.
      return split(30 * months.count + oddDays, unit.kind === 'semimonth' ? 15 : 30 * unit.months);
    }
  }
}

interface PlacedFlow {
  /** Positive for a payment, negative for an advance. */
  readonly amount: Fixed;
  readonly position: Position;
}

/**
 * App. J (b)(8), both sides moved to one: Σ payments / ((1 + f·i)(1 + i)^t) − Σ advances / (…).
 * `flows` come sorted by t, so each discount factor is the previous one times (1 + i)^-Δt: one or two
 * multiplications a flow, which keeps a year of daily remittances quick.
 */
function excessValue(flows: readonly PlacedFlow[], rate: Fixed): Fixed {
  const v = div(ONE, ONE + rate);
  let discount = ONE;
  let whole = 0;
  let excess = 0n;
  for (const { amount, position } of flows) {
    if (position.whole !== whole) {
      discount = mul(discount, powInt(v, position.whole - whole));
      whole = position.whole;
    }
    let value = mul(amount, discount);
    if (position.fraction.num !== 0n) {
      value = div(value, ONE + roundDiv(rate * position.fraction.num, position.fraction.den, 'half-even'));
    }
    excess += value;
  }
  return excess;
}

export function regZApr(input: RegZAprInput): RegZApr {
  const advances = flowsByDate(input.advances);
  const payments = flowsByDate(input.payments);
  if (advances.length === 0) throw invalid('advances', 'needs at least 1 item');
  if (payments.length === 0) throw invalid('payments', 'needs at least 1 item');
  // (b)(2): the term begins at the first advance (we take it as the consummation date).
  const start = advances[0].date;
  if (epochDay(payments[0].date) <= epochDay(start)) {
    throw invalid('payments', `the first payment must fall after the first advance (${start})`);
  }
  const seriesDay = seriesDayOf([...advances.slice(1), ...payments].map((f) => f.date));
  const unit = input.unitPeriod
    ? NAMED[input.unitPeriod]
    : chooseUnitPeriod(advances.map((a) => a.date), payments.map((p) => p.date), seriesDay);
  const placed: PlacedFlow[] = [
    ...payments.map((p) => ({ amount: p.amount, position: positionOf(start, p.date, unit, seriesDay) })),
    ...advances.map((a) => ({ amount: -a.amount, position: positionOf(start, a.date, unit, seriesDay) })),
  ].sort((a, b) => a.position.whole - b.position.whole);
  const periodicRate = solveRate((rate) => excessValue(placed, rate));
  const perYear = unitPeriodsPerYear(unit);
  // (b)(1): the APR is the unit-period rate times the number of unit periods in a year.
  const annualRate = roundDiv(periodicRate * perYear.num, perYear.den, 'half-even');
  return { annualRate, unitPeriod: unit, unitPeriodsPerYear: perYear, periodicRate };
}
