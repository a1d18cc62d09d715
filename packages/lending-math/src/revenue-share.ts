/**
 * Revenue-share financing: the business receives an advance and repays it plus a fixed fee as a
 * percentage of each day's sales. If a period's remittances fall short of the minimum, the
 * difference is collected at the period's end; whatever is left at the maximum term is due then.
 *
 * The payoff date is projected from the business's own sales: the history (daily, or monthly spread
 * evenly over each month's days) is replayed forward from the day after funding, starting on the same
 * weekday so a shop's weekly rhythm carries over. The cost of the projected cash flow is stated as
 * a Regulation Z Appendix J APR.
 */
import { roundDiv } from '@keeper/money';
import { regZApr, type RegZApr } from './apr-reg-z';
import { addDays, addMonths, daysBetween, daysInMonth, epochDay, weekday } from './dates';
import { invalid } from './errors';
import { RequestReader } from './input';
import { ratio, ratioFromDecimal, type Ratio } from './ratio';
import { formatMinor, toMinorUnits } from './schedule';
import { toPercentString } from './fixed';

export const MINIMUM_PERIODS = ['month', 'week', '2-weeks'] as const;
export type MinimumPeriod = (typeof MINIMUM_PERIODS)[number];

export interface SalesEntry {
  readonly date: string;
  readonly amount: string;
}

export interface MonthlySalesEntry {
  /** "2026-03" */
  readonly month: string;
  readonly amount: string;
}

export interface RevenueShareInput {
  readonly advance: string;
  readonly fee: string;
  readonly fundingDate: string;
  /** Percentage of each day's sales remitted, e.g. "8.5". */
  readonly remittancePct: string;
  readonly minimumPerPeriod?: string;
  readonly minimumPeriod?: MinimumPeriod;
  readonly maxTermDays?: number;
  readonly maxTermMonths?: number;
  readonly dailySales?: readonly SalesEntry[];
  readonly monthlySales?: readonly MonthlySalesEntry[];
  readonly decimals: number;
}

export interface RevenueSharePeriod {
  readonly end: string;
  readonly fromSales: bigint;
  readonly minimumTopUp: bigint;
  readonly balance: bigint;
}

export interface RevenueShareProjection {
  readonly totalRepayable: bigint;
  /** The day the balance is cleared: by sales, minimums, or at the latest on the maturity date. */
  readonly payoffDate: string;
  readonly daysToPayoff: number;
  readonly fromSales: bigint;
  readonly fromMinimums: bigint;
  readonly atMaturity: bigint;
  readonly maturityDate: string;
  readonly periods: readonly RevenueSharePeriod[];
  /** Each day's total remittance (days with none are left out). */
  readonly payments: ReadonlyArray<{ date: string; amount: bigint }>;
  readonly apr: RegZApr;
}

const MONTH = /^(\d{4})-(\d{2})$/;

export function revenueShareFromJson(json: unknown): RevenueShareInput {
  const reader = new RequestReader(json, [
    'advance', 'fee', 'fundingDate', 'remittancePct', 'minimumPerPeriod', 'minimumPeriod', 'maxTermDays',
    'maxTermMonths', 'dailySales', 'monthlySales', 'decimals', 'currency',
  ]);
  const advance = reader.decimal('advance', 'positive');
  const fee = reader.decimal('fee', 'non-negative');
  const fundingDate = reader.date('fundingDate');
  const remittancePct = reader.decimal('remittancePct', 'positive');
  const minimumPerPeriod = reader.decimal('minimumPerPeriod', 'non-negative', true);
  const minimumPeriod = reader.oneOf('minimumPeriod', MINIMUM_PERIODS, true);
  const maxTermDays = reader.integer('maxTermDays', { min: 1, max: 3660 }, true);
  const maxTermMonths = reader.integer('maxTermMonths', { min: 1, max: 120 }, true);
  if (reader.has('maxTermDays') === reader.has('maxTermMonths')) {
    if (reader.has('maxTermDays')) reader.fail('maxTermMonths', 'give maxTermDays or maxTermMonths, not both');
    else reader.fail('maxTermDays', 'required: the maximum term as maxTermDays or maxTermMonths');
  }
  let dailySales: SalesEntry[] | undefined;
  let monthlySales: MonthlySalesEntry[] | undefined;
  if (reader.has('dailySales') === reader.has('monthlySales')) {
    reader.fail('dailySales', 'give the sales history as dailySales or monthlySales (exactly one)');
  } else if (reader.has('dailySales')) {
    dailySales = reader.list(
      'dailySales',
      (e) => {
        const date = e.date('date');
        const amount = e.decimal('amount', 'non-negative');
        return date !== undefined && amount !== undefined ? { date, amount } : undefined;
      },
      ['date', 'amount'],
    );
  } else {
    monthlySales = reader.list(
      'monthlySales',
      (e) => {
        const month = e.raw('month');
        const match = typeof month === 'string' ? MONTH.exec(month) : null;
        if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) e.fail('month', `expected a month "YYYY-MM", got ${JSON.stringify(month)}`);
        const amount = e.decimal('amount', 'non-negative');
        return match && amount !== undefined ? { month: month as string, amount } : undefined;
      },
      ['month', 'amount'],
    );
  }
  const decimals = reader.moneyDecimals();
  return reader.done(() => ({
    advance: advance!, fee: fee!, fundingDate: fundingDate!, remittancePct: remittancePct!, minimumPerPeriod, minimumPeriod,
    maxTermDays, maxTermMonths, dailySales, monthlySales, decimals,
  }));
}

/** The sales history as one amount (minor units, possibly fractional) per consecutive day. */
function salesHistory(input: RevenueShareInput): { firstDay: string; days: Ratio[] } {
  const scale = 10n ** BigInt(input.decimals);
  if (input.dailySales) {
    const sorted = [...input.dailySales].sort((a, b) => epochDay(a.date) - epochDay(b.date));
    if (sorted.length === 0) throw invalid('dailySales', 'needs at least 1 item');
    const firstDay = sorted[0].date;
    const days: Ratio[] = Array.from({ length: daysBetween(firstDay, sorted[sorted.length - 1].date) + 1 }, () => ratio(0));
    // A day missing from the history is a day without sales (closed).
    for (const { date, amount } of sorted) {
      const value = ratioFromDecimal(amount);
      const index = daysBetween(firstDay, date);
      days[index] = ratio(days[index].num * value.den + value.num * days[index].den * scale, days[index].den * value.den);
    }
    return { firstDay, days };
  }
  const months = [...(input.monthlySales ?? [])].sort((a, b) => a.month.localeCompare(b.month));
  if (months.length === 0) throw invalid('monthlySales', 'needs at least 1 item');
  const days: Ratio[] = [];
  for (let i = 0; i < months.length; i += 1) {
    const [year, month] = months[i].month.split('-').map(Number);
    if (i > 0 && addMonths(`${months[i - 1].month}-01`, 1) !== `${months[i].month}-01`) {
      throw invalid('monthlySales', `months must be consecutive and unique (${months[i - 1].month} then ${months[i].month})`);
    }
    const value = ratioFromDecimal(months[i].amount);
    const length = daysInMonth(year, month);
    for (let d = 0; d < length; d += 1) days.push(ratio(value.num * scale, value.den * BigInt(length)));
  }
  return { firstDay: `${months[0].month}-01`, days };
}

export function projectRevenueShare(input: RevenueShareInput): RevenueShareProjection {
  const { decimals, fundingDate } = input;
  const advance = toMinorUnits(input.advance, decimals, 'advance');
  const fee = toMinorUnits(input.fee, decimals, 'fee');
  const minimum = input.minimumPerPeriod === undefined ? 0n : toMinorUnits(input.minimumPerPeriod, decimals, 'minimumPerPeriod');
  const pct = ratioFromDecimal(input.remittancePct);
  if (pct.num > pct.den * 100n) throw invalid('remittancePct', 'cannot exceed 100');
  const maturityDate =
    input.maxTermMonths !== undefined ? addMonths(fundingDate, input.maxTermMonths) : addDays(fundingDate, input.maxTermDays ?? 0);
  if (epochDay(maturityDate) <= epochDay(fundingDate)) throw invalid('maxTermDays', 'the maximum term must be at least one day');

  const history = salesHistory(input);
  const firstRemittanceDay = addDays(fundingDate, 1);
  // Replay from the history day with the same weekday as the first remittance day.
  let offset = 0;
  if (history.days.length >= 7) {
    while (weekday(addDays(history.firstDay, offset)) !== weekday(firstRemittanceDay)) offset += 1;
  }
  const salesOn = (dayIndex: number) => history.days[(offset + dayIndex) % history.days.length];

  const period = input.minimumPeriod ?? 'month';
  const periodEnd = (k: number) =>
    period === 'month' ? addMonths(fundingDate, k) : addDays(fundingDate, k * (period === 'week' ? 7 : 14));

  const totalRepayable = advance + fee;
  let balance = totalRepayable;
  let fromSales = 0n;
  let fromMinimums = 0n;
  let atMaturity = 0n;
  let periodIndex = 1;
  let nextPeriodEnd = periodEnd(1);
  let periodSales = 0n;
  let periodTopUp = 0n;
  const periods: RevenueSharePeriod[] = [];
  const payments: Array<{ date: string; amount: bigint }> = [];
  let payoffDate = maturityDate;

  for (let dayIndex = 0; balance > 0n; dayIndex += 1) {
    const date = addDays(firstRemittanceDay, dayIndex);
    const sales = salesOn(dayIndex);
    const due = roundDiv(sales.num * pct.num, sales.den * pct.den * 100n, 'half-up');
    const remitted = due < balance ? due : balance;
    balance -= remitted;
    fromSales += remitted;
    periodSales += remitted;
    let paidToday = remitted;

    const endsPeriod = date === nextPeriodEnd;
    if (endsPeriod && periodSales < minimum && balance > 0n) {
      const shortfall = minimum - periodSales;
      const topUp = shortfall < balance ? shortfall : balance;
      balance -= topUp;
      fromMinimums += topUp;
      periodTopUp = topUp;
      paidToday += topUp;
    }
    if (date === maturityDate && balance > 0n) {
      atMaturity = balance;
      paidToday += balance;
      balance = 0n;
    }
    if (paidToday > 0n) payments.push({ date, amount: paidToday });
    if (endsPeriod || balance === 0n) {
      periods.push({ end: date, fromSales: periodSales, minimumTopUp: periodTopUp, balance });
      periodIndex += 1;
      nextPeriodEnd = periodEnd(periodIndex);
      periodSales = 0n;
      periodTopUp = 0n;
    }
    if (balance === 0n) payoffDate = date;
  }

  const toDecimal = (amount: bigint) => formatMinor(amount, decimals);
  const apr = regZApr({
    advances: [{ date: fundingDate, amount: toDecimal(advance) }],
    payments: payments.map((p) => ({ date: p.date, amount: toDecimal(p.amount) })),
  });
  return {
    totalRepayable,
    payoffDate,
    daysToPayoff: daysBetween(fundingDate, payoffDate),
    fromSales,
    fromMinimums,
    atMaturity,
    maturityDate,
    periods,
    payments,
    apr,
  };
}

export function revenueShareToJson(projection: RevenueShareProjection, decimals: number) {
  const money = (amount: bigint) => formatMinor(amount, decimals);
  return {
    payoffDate: projection.payoffDate,
    daysToPayoff: projection.daysToPayoff,
    maturityDate: projection.maturityDate,
    totalRepayable: money(projection.totalRepayable),
    fromSales: money(projection.fromSales),
    fromMinimums: money(projection.fromMinimums),
    atMaturity: money(projection.atMaturity),
    aprPct: toPercentString(projection.apr.annualRate, 2),
    periods: projection.periods.map((p) => ({
      end: p.end,
      fromSales: money(p.fromSales),
      minimumTopUp: money(p.minimumTopUp),
      balance: money(p.balance),
    })),
    payments: projection.payments.map((p) => ({ date: p.date, amount: money(p.amount) })),
  };
}
