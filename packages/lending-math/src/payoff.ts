/**
 * Early-payoff quote: what settles a scheduled loan on a given date, charging interest only up to
 * that date.
 *
 *   unpaid instalments already due (in full)
 * + principal outstanding after the last instalment due
 * + interest on that principal from the last due date to the payoff date, by the schedule's day count
 *   (for a flat-interest loan, the current instalment's interest pro rata), never more than the
 *   current period's full interest.
 *
 * Instalments paid ahead of their due date already carried their period's interest, so none accrues
 * on top. Late charges are outside this quote. The quote never exceeds the scheduled total still to
 * be paid: the principal parts left sum to the balance, and the accrued interest is capped by the
 * interest part of the next instalment.
 */
import { epochDay } from './dates';
import { yearFractionByDayCount } from './day-count';
import { invalid } from './errors';
import { RequestReader } from './input';
import { divRatio, mulRatio, scaleRound } from './ratio';
import { annualRateOf, buildSchedule, formatMinor, readScheduleInput, SCHEDULE_FIELDS, type Schedule, type ScheduleInput } from './schedule';

export interface PayoffQuote {
  readonly payoffDate: string;
  /** Instalments due on or before the payoff date and not paid, in full. */
  readonly unpaidDue: bigint;
  readonly outstandingPrincipal: bigint;
  readonly accruedInterest: bigint;
  readonly total: bigint;
  /** What the schedule would still collect from here: the sum of every unpaid instalment. */
  readonly remainingScheduled: bigint;
}

export interface PayoffInput {
  readonly schedule: ScheduleInput;
  readonly payoffDate: string;
  /** Instalments paid so far, in order; by default every instalment due before the payoff date. */
  readonly paidInstallments?: number;
}

export function payoffFromJson(json: unknown): PayoffInput {
  const reader = new RequestReader(json, [...SCHEDULE_FIELDS, 'payoffDate', 'paidInstallments']);
  const payoffDate = reader.date('payoffDate');
  const paidInstallments = reader.integer('paidInstallments', { min: 0, max: 1200 }, true);
  const schedule = readScheduleInput(reader);
  return { schedule, payoffDate: payoffDate!, paidInstallments };
}

export function quotePayoff(schedule: Schedule, payoffDate: string, paidInstallments?: number): PayoffQuote {
  const rows = schedule.installments;
  const { disbursementDate, dayCount } = schedule.input;
  if (epochDay(payoffDate) < epochDay(disbursementDate)) throw invalid('payoffDate', `must not be before disbursementDate (${disbursementDate})`);
  const dueCount = rows.filter((row) => epochDay(row.dueDate) <= epochDay(payoffDate)).length;
  const paid = paidInstallments ?? dueCount;
  if (paid > rows.length) throw invalid('paidInstallments', `the schedule has only ${rows.length} instalments`);

  const balanceAfter = (count: number) => (count === 0 ? schedule.principal : rows[count - 1].balance);
  const remainingScheduled = rows.slice(paid).reduce((sum, row) => sum + row.total, 0n);
  let unpaidDue = 0n;
  let accruedInterest = 0n;
  let outstandingPrincipal: bigint;
  if (paid > dueCount) {
    outstandingPrincipal = balanceAfter(paid);
  } else {
    unpaidDue = rows.slice(paid, dueCount).reduce((sum, row) => sum + row.total, 0n);
    outstandingPrincipal = balanceAfter(dueCount);
    const current = rows[dueCount];
    if (current) {
      const from = dueCount === 0 ? disbursementDate : rows[dueCount - 1].dueDate;
      const elapsed = yearFractionByDayCount(from, payoffDate, dayCount, schedule.seriesDay);
      let accrued: bigint;
      if (schedule.input.method === 'flat') {
        // Flat interest is not charged on the balance: the period's share accrues day by day.
        const period = yearFractionByDayCount(from, current.dueDate, dayCount, schedule.seriesDay);
        accrued = period.num === 0n ? current.interest : scaleRound(current.interest, divRatio(elapsed, period), 'half-up');
      } else {
        accrued = scaleRound(outstandingPrincipal, mulRatio(annualRateOf(schedule.input), elapsed), 'half-up');
      }
      accruedInterest = accrued > current.interest ? current.interest : accrued < 0n ? 0n : accrued;
    }
  }
  return {
    payoffDate,
    unpaidDue,
    outstandingPrincipal,
    accruedInterest,
    total: unpaidDue + outstandingPrincipal + accruedInterest,
    remainingScheduled,
  };
}

export function payoff(input: PayoffInput): PayoffQuote {
  return quotePayoff(buildSchedule(input.schedule), input.payoffDate, input.paidInstallments);
}

export function payoffToJson(quote: PayoffQuote, decimals: number) {
  return {
    payoffDate: quote.payoffDate,
    unpaidDue: formatMinor(quote.unpaidDue, decimals),
    outstandingPrincipal: formatMinor(quote.outstandingPrincipal, decimals),
    accruedInterest: formatMinor(quote.accruedInterest, decimals),
    total: formatMinor(quote.total, decimals),
    remainingScheduled: formatMinor(quote.remainingScheduled, decimals),
  };
}
