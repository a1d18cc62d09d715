/**
 * Repayment schedules in exact minor units: equal instalments (annuity), equal principal, or flat
 * interest, due monthly, every two weeks, weekly or every N days, with grace on principal.
 *
 * Rounding rules, all explicit:
 * - each period's interest is rounded half-up to the currency's minor unit (a published table rounds
 *   453.125 to 453.13);
 * - the level instalment (annuity, flat) or the principal part (equal principal) is rounded half-up
 *   to `installmentMultipleOf` when given, otherwise to the minor unit;
 * - the last instalment takes whatever principal is left, so the balance ends at exactly zero.
 */
import { decimalToString, parseDecimal, roundDiv } from '@keeper/money';
import { addDays, addMonths, epochDay, parseIsoDate } from './dates';
import { DAY_COUNTS, nominalPeriodFraction, yearFractionByDayCount, type DayCount } from './day-count';
import { invalid } from './errors';
import { RequestReader } from './input';
import { mulRatio, ratio, ratioFromDecimal, scaleRound, type Ratio } from './ratio';

export const FREQUENCIES = ['monthly', 'biweekly', 'weekly', 'every-N-days'] as const;
export type Frequency = (typeof FREQUENCIES)[number];
export const METHODS = ['annuity', 'equal-principal', 'flat'] as const;
export type ScheduleMethod = (typeof METHODS)[number];

export interface ScheduleInput {
  readonly principal: string;
  readonly annualRatePct: string;
  readonly installments: number;
  readonly frequency: Frequency;
  /** Days between due dates; required with frequency "every-N-days". */
  readonly everyDays?: number;
  readonly disbursementDate: string;
  readonly firstDueDate?: string;
  readonly method: ScheduleMethod;
  readonly dayCount: DayCount;
  /** Minor-unit decimals of the currency (2 for USD, 0 for JPY, 3 for KWD). */
  readonly decimals: number;
  readonly installmentMultipleOf?: string;
  readonly graceOnPrincipal?: number;
}

/** Amounts are integers in minor units (10^-decimals). */
export interface Installment {
  readonly n: number;
  readonly dueDate: string;
  readonly principal: bigint;
  readonly interest: bigint;
  readonly total: bigint;
  readonly balance: bigint;
}

export interface Schedule {
  readonly input: ScheduleInput;
  readonly principal: bigint;
  readonly installments: readonly Installment[];
  /** The day of the month a monthly schedule is due on (1 for day-based schedules). */
  readonly seriesDay: number;
}

export const SCHEDULE_FIELDS = [
  'principal', 'annualRatePct', 'installments', 'frequency', 'everyDays', 'disbursementDate', 'firstDueDate',
  'method', 'dayCount', 'decimals', 'currency', 'installmentMultipleOf', 'graceOnPrincipal',
] as const;

export function readScheduleInput(reader: RequestReader): ScheduleInput {
  const principal = reader.decimal('principal', 'positive');
  const annualRatePct = reader.decimal('annualRatePct', 'non-negative');
  const installments = reader.integer('installments', { min: 1, max: 1200 });
  const frequency = reader.oneOf('frequency', FREQUENCIES);
  let everyDays: number | undefined;
  if (frequency === 'every-N-days') everyDays = reader.integer('everyDays', { min: 1, max: 366 });
  else if (reader.has('everyDays')) reader.fail('everyDays', 'only goes with frequency "every-N-days"');
  const disbursementDate = reader.date('disbursementDate');
  const firstDueDate = reader.date('firstDueDate', true);
  const method = reader.oneOf('method', METHODS);
  const dayCount = reader.oneOf('dayCount', DAY_COUNTS);
  const decimals = reader.moneyDecimals();
  const installmentMultipleOf = reader.decimal('installmentMultipleOf', 'positive', true);
  const graceOnPrincipal = reader.integer('graceOnPrincipal', { min: 0, max: 1199 }, true);
  return reader.done(() => ({
    principal, annualRatePct, installments, frequency, everyDays, disbursementDate, firstDueDate,
    method, dayCount, decimals, installmentMultipleOf, graceOnPrincipal,
  }));
}

export function scheduleFromJson(json: unknown): ScheduleInput {
  return readScheduleInput(new RequestReader(json, SCHEDULE_FIELDS));
}

/** A decimal string as an integer count of minor units, refusing digits the currency cannot hold. */
export function toMinorUnits(value: string, decimals: number, field: string): bigint {
  const { coefficient, scale } = parseDecimal(value);
  if (scale > decimals) {
    const divisor = 10n ** BigInt(scale - decimals);
    if (coefficient % divisor !== 0n) throw invalid(field, `has more than ${decimals} decimal places`);
    return coefficient / divisor;
  }
  return coefficient * 10n ** BigInt(decimals - scale);
}

export function formatMinor(amount: bigint, decimals: number): string {
  return decimalToString({ coefficient: amount, scale: decimals });
}

function periodDaysOf(input: ScheduleInput): 'month' | number {
  switch (input.frequency) {
    case 'monthly':
      return 'month';
    case 'biweekly':
      return 14;
    case 'weekly':
      return 7;
    case 'every-N-days':
      if (input.everyDays === undefined) throw invalid('everyDays', 'required with frequency "every-N-days"');
      return input.everyDays;
  }
}

/** Due dates from the first one: monthly dates keep its day of the month, clamped in short months. */
export function dueDates(input: ScheduleInput): string[] {
  const periodDays = periodDaysOf(input);
  const first =
    input.firstDueDate ?? (periodDays === 'month' ? addMonths(input.disbursementDate, 1) : addDays(input.disbursementDate, periodDays));
  if (epochDay(first) <= epochDay(input.disbursementDate)) throw invalid('firstDueDate', 'must fall after disbursementDate');
  const anchor = parseIsoDate(first)!.day;
  return Array.from({ length: input.installments }, (_, k) =>
    periodDays === 'month' ? addMonths(first, k, anchor) : addDays(first, k * periodDays),
  );
}

/** annualRatePct as a fraction: "12" is 12/100. */
export function annualRateOf(input: ScheduleInput): Ratio {
  const pct = ratioFromDecimal(input.annualRatePct);
  return ratio(pct.num, pct.den * 100n);
}

/** P·r / (1 − (1 + r)^−m) as an exact fraction; P / m when r = 0. */
function levelPayment(principal: bigint, periodicRate: Ratio, periods: number): Ratio {
  if (periodicRate.num === 0n) return ratio(principal, periods);
  const { num: a, den: b } = periodicRate;
  const growth = (a + b) ** BigInt(periods);
  // Not reduced: a gcd of these thousand-digit integers costs more than the one division that follows.
  return { num: principal * a * growth, den: b * (growth - b ** BigInt(periods)) };
}

export function buildSchedule(input: ScheduleInput): Schedule {
  const { decimals, installments: n } = input;
  const grace = input.graceOnPrincipal ?? 0;
  if (grace >= n) throw invalid('graceOnPrincipal', `must be less than installments (${n})`);
  const principal = toMinorUnits(input.principal, decimals, 'principal');
  const multiple = input.installmentMultipleOf === undefined ? 1n : toMinorUnits(input.installmentMultipleOf, decimals, 'installmentMultipleOf');
  if (multiple <= 0n) throw invalid('installmentMultipleOf', 'must be at least one minor unit');
  const roundToMultiple = (value: Ratio) => roundDiv(value.num, value.den * multiple, 'half-up') * multiple;

  const dates = dueDates(input);
  const periodDays = periodDaysOf(input);
  const seriesDay = periodDays === 'month' ? parseIsoDate(dates[0])!.day : 1;
  const annualRate = annualRateOf(input);
  const amortizing = n - grace;
  const previousDate = (k: number) => (k === 0 ? input.disbursementDate : dates[k - 1]);
  const periodInterest = (balance: bigint, k: number) =>
    scaleRound(balance, mulRatio(annualRate, yearFractionByDayCount(previousDate(k), dates[k], input.dayCount, seriesDay)), 'half-up');

  // Flat: interest on the original principal for the whole term, spread evenly; the last instalment
  // takes the odd units so no share is ever rounded above its due.
  const flatInterest =
    input.method === 'flat'
      ? scaleRound(principal, mulRatio(annualRate, yearFractionByDayCount(input.disbursementDate, dates[n - 1], input.dayCount, seriesDay)), 'half-up')
      : 0n;
  const flatShare = flatInterest / BigInt(n);

  const level =
    input.method === 'annuity'
      ? roundToMultiple(levelPayment(principal, mulRatio(annualRate, nominalPeriodFraction(periodDays, input.dayCount)), amortizing))
      : input.method === 'flat'
        ? roundToMultiple(ratio(principal * BigInt(n) + flatInterest * BigInt(amortizing), BigInt(amortizing) * BigInt(n)))
        : roundToMultiple(ratio(principal, amortizing)); // equal principal: the principal part

  const rows: Installment[] = [];
  let balance = principal;
  for (let k = 0; k < n; k += 1) {
    const last = k === n - 1;
    const inGrace = k < grace;
    let interest: bigint;
    let principalPart: bigint;
    if (input.method === 'flat') {
      interest = last ? flatInterest - flatShare * BigInt(n - 1) : flatShare;
      principalPart = inGrace ? 0n : level - interest;
    } else {
      interest = periodInterest(balance, k);
      principalPart = inGrace ? 0n : input.method === 'annuity' ? level - interest : level;
    }
    // Never negative (interest above the instalment makes it interest-only), never past the balance,
    // and the last instalment absorbs the remainder.
    principalPart = last ? balance : principalPart < 0n ? 0n : principalPart > balance ? balance : principalPart;
    balance -= principalPart;
    rows.push({ n: k + 1, dueDate: dates[k], principal: principalPart, interest, total: principalPart + interest, balance });
  }
  return { input, principal, installments: rows, seriesDay };
}

export function scheduleToJson(schedule: Schedule) {
  const d = schedule.input.decimals;
  return {
    installments: schedule.installments.map((row) => ({
      n: row.n,
      dueDate: row.dueDate,
      principal: formatMinor(row.principal, d),
      interest: formatMinor(row.interest, d),
      total: formatMinor(row.total, d),
      balance: formatMinor(row.balance, d),
    })),
  };
}
