/**
 * Annual percentage rate of charge of Directive 2008/48/EC (Consumer Credit Directive), Annex I:
 *
 *   Σ C_k (1 + X)^(-t_k) = Σ D_l (1 + X)^(-s_l)
 *
 * with t and s the time in years from the first drawdown (Part I, remark (b)). Remark (c): a year has
 * 365 days (366 in leap years), 52 weeks or 12 equal months. Where an interval is not a whole number
 * of the chosen period, it is whole periods plus days, counted backwards from the flow to the first
 * drawdown, and the days are divided by the length (365 or 366) of the year that ends on the day the
 * whole periods start: the reading of the Commission's guidelines on the CCD (SWD(2012) 128 final,
 * section 4.1.1), written into the Mortgage Credit Directive 2014/17/EU, Annex I, remark (c).
 */
import { classifyPeriod, seriesDayOf } from './apr-reg-z';
import { addDays, addMonths, daysBetween, epochDay, wholeMonthsBack } from './dates';
import { invalid } from './errors';
import { exp, ln, mul, ONE, powInt, type Fixed } from './fixed';
import { flowsByDate, type Flow } from './flows';
import { readDatedAmount, RequestReader, type DatedAmount } from './input';
import { solveRate } from './solver';

export const APRC_TIME_PERIODS = ['year', 'month', 'week'] as const;
export type AprcTimePeriod = (typeof APRC_TIME_PERIODS)[number];

export interface EuAprcInput {
  readonly drawdowns: readonly DatedAmount[];
  readonly repayments: readonly DatedAmount[];
  readonly timePeriod?: AprcTimePeriod;
}

export interface EuAprc {
  /** X, the APRC as a fraction (0.1296… for 12.96 %). */
  readonly rate: Fixed;
  readonly timePeriod: AprcTimePeriod;
}

/** An interval in years: `periods` whole periods plus `days` / `yearDays`. */
export interface YearFraction {
  readonly periods: number;
  readonly perYear: number;
  readonly days: number;
  readonly yearDays: number;
}

export function euAprcFromJson(json: unknown): EuAprcInput & { decimals: number } {
  const reader = new RequestReader(json, ['drawdowns', 'repayments', 'timePeriod', 'decimals']);
  const keys = ['date', 'amount'];
  const drawdowns = reader.list('drawdowns', readDatedAmount, keys);
  const repayments = reader.list('repayments', readDatedAmount, keys);
  const timePeriod = reader.oneOf('timePeriod', APRC_TIME_PERIODS, true);
  // Remark (d): at least one decimal place.
  const decimals = reader.integer('decimals', { min: 1, max: 10 }, true) ?? 2;
  return reader.done(() => ({ drawdowns, repayments, timePeriod, decimals }));
}

const PER_YEAR: Record<AprcTimePeriod, number> = { year: 1, month: 12, week: 52 };

/** Remark (c): the interval from the first drawdown to `date`, counted backwards from `date`. */
export function yearFraction(firstDrawdown: string, date: string, period: AprcTimePeriod, seriesDay: number): YearFraction {
  let periods: number;
  let wholeStart: string;
  if (period === 'week') {
    periods = Math.floor(daysBetween(firstDrawdown, date) / 7);
    wholeStart = addDays(date, -7 * periods);
  } else {
    const back = wholeMonthsBack(firstDrawdown, date, seriesDay, period === 'year' ? 12 : 1);
    periods = back.count;
    wholeStart = back.start;
  }
  const days = daysBetween(firstDrawdown, wholeStart);
  // The complete year counted backwards from the last day of the stretch of days.
  const yearDays = daysBetween(addMonths(wholeStart, -12), wholeStart);
  return { periods, perYear: PER_YEAR[period], days, yearDays };
}

/** The period to count in when none is given: what the repayments are made in. */
function defaultTimePeriod(flowDates: readonly string[], seriesDay: number): AprcTimePeriod {
  if (flowDates.length <= 2) return 'year'; // one interval: a single repayment
  const counts = new Map<string, { period: AprcTimePeriod; count: number; order: number }>();
  for (let i = 1; i < flowDates.length; i += 1) {
    const unit = classifyPeriod(flowDates[i - 1], flowDates[i], seriesDay);
    let period: AprcTimePeriod;
    if (unit.kind === 'months') period = unit.months === 12 ? 'year' : 'month';
    else if (unit.kind === 'weeks') period = 'week';
    else if (unit.kind === 'days') period = unit.days < 15 ? 'week' : 'month';
    else period = 'month';
    const entry = counts.get(period) ?? { period, count: 0, order: PER_YEAR[period] };
    entry.count += 1;
    counts.set(period, entry);
  }
  // The most frequent; between equally frequent ones, the shorter period.
  return [...counts.values()].sort((a, b) => b.count - a.count || b.order - a.order)[0].period;
}

export function euAprc(input: EuAprcInput): EuAprc {
  const drawdowns = flowsByDate(input.drawdowns);
  const repayments = flowsByDate(input.repayments);
  if (drawdowns.length === 0) throw invalid('drawdowns', 'needs at least 1 item');
  if (repayments.length === 0) throw invalid('repayments', 'needs at least 1 item');
  const first = drawdowns[0].date; // remark (b): the starting date is the first drawdown
  if (epochDay(repayments[0].date) < epochDay(first)) {
    throw invalid('repayments', `no repayment may come before the first drawdown (${first})`);
  }
  const later = [...drawdowns.slice(1), ...repayments].map((f) => f.date);
  const seriesDay = seriesDayOf(later);
  const flowDates = [...new Set([first, ...later])].sort((a, b) => epochDay(a) - epochDay(b));
  const timePeriod = input.timePeriod ?? defaultTimePeriod(flowDates, seriesDay);
  const place = (flows: Flow[]) =>
    flows.map((f) => ({ amount: f.amount, at: yearFraction(first, f.date, timePeriod, seriesDay) }));
  const placedDrawdowns = place(drawdowns);
  const placedRepayments = place(repayments);

  const rate = solveRate((x) => {
    // (1 + X)^-(n/p + d/Y) = ((1 + X)^(-1/p))^n · ((1 + X)^(-1/Y))^d, so each step needs three exps.
    const logGrowth = ln(ONE + x);
    const perPeriod = exp(-logGrowth / BigInt(PER_YEAR[timePeriod]));
    const perDay = { 365: exp(-logGrowth / 365n), 366: exp(-logGrowth / 366n) } as Record<number, Fixed>;
    const discount = ({ periods, days, yearDays }: YearFraction) => mul(powInt(perPeriod, periods), powInt(perDay[yearDays], days));
    let excess = 0n;
    for (const r of placedRepayments) excess += mul(r.amount, discount(r.at));
    for (const d of placedDrawdowns) excess -= mul(d.amount, discount(d.at));
    return excess;
  });
  return { rate, timePeriod };
}
