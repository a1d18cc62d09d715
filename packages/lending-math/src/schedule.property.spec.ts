import fc from 'fast-check';
import { addDays, daysBetween, epochDay } from './dates';
import { DAY_COUNTS } from './day-count';
import { quotePayoff } from './payoff';
import { buildSchedule, FREQUENCIES, METHODS, type ScheduleInput } from './schedule';

const decimalString = (minor: bigint, decimals: number) => {
  const digits = minor.toString().padStart(decimals + 1, '0');
  return decimals === 0 ? digits : `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
};

const scheduleInput: fc.Arbitrary<ScheduleInput> = fc
  .record({
    decimals: fc.constantFrom(0, 2, 3),
    principalMinor: fc.bigInt({ min: 1n, max: 10n ** 11n }),
    rateThousandths: fc.integer({ min: 0, max: 60_000 }), // 0 % to 60 %, three decimals
    installments: fc.integer({ min: 1, max: 72 }),
    frequency: fc.constantFrom(...FREQUENCIES),
    everyDays: fc.integer({ min: 1, max: 45 }),
    disbursementDay: fc.integer({ min: 0, max: 20_000 }), // 2000-01-01 onwards
    firstDueAfter: fc.option(fc.integer({ min: 1, max: 75 }), { nil: undefined }),
    method: fc.constantFrom(...METHODS),
    dayCount: fc.constantFrom(...DAY_COUNTS),
    multipleMinor: fc.option(fc.constantFrom(1n, 5n, 10n, 100n, 1000n), { nil: undefined }),
    graceShare: fc.double({ min: 0, max: 0.99, noNaN: true }),
  })
  .map((r) => {
    const disbursementDate = addDays('2000-01-01', r.disbursementDay);
    return {
      principal: decimalString(r.principalMinor, r.decimals),
      annualRatePct: decimalString(BigInt(r.rateThousandths), 3),
      installments: r.installments,
      frequency: r.frequency,
      everyDays: r.frequency === 'every-N-days' ? r.everyDays : undefined,
      disbursementDate,
      firstDueDate: r.firstDueAfter === undefined ? undefined : addDays(disbursementDate, r.firstDueAfter),
      method: r.method,
      dayCount: r.dayCount,
      decimals: r.decimals,
      installmentMultipleOf: r.multipleMinor === undefined ? undefined : decimalString(r.multipleMinor, r.decimals),
      graceOnPrincipal: Math.floor(r.graceShare * r.installments),
    };
  });

describe('schedule invariants (property-based)', () => {
  it('principal parts sum to the amount, the balance ends at zero, no part is negative', () => {
    fc.assert(
      fc.property(scheduleInput, (input) => {
        const schedule = buildSchedule(input);
        const rows = schedule.installments;
        expect(rows).toHaveLength(input.installments);
        expect(rows.reduce((sum, r) => sum + r.principal, 0n)).toBe(schedule.principal);
        expect(rows[rows.length - 1].balance).toBe(0n);
        // Collected and checked once: hundreds of expect() calls per run would dominate the time.
        const broken: string[] = [];
        let balance = schedule.principal;
        rows.forEach((row, k) => {
          if (row.principal < 0n || row.interest < 0n || row.balance < 0n) broken.push(`${row.n}: negative part`);
          if (row.total !== row.principal + row.interest) broken.push(`${row.n}: total is not principal + interest`);
          balance -= row.principal;
          if (row.balance !== balance) broken.push(`${row.n}: balance does not follow the principal paid`);
          if (k > 0 && epochDay(row.dueDate) <= epochDay(rows[k - 1].dueDate)) broken.push(`${row.n}: due date not after the previous one`);
          if (k < (input.graceOnPrincipal ?? 0) && row.principal !== 0n) broken.push(`${row.n}: principal during grace`);
        });
        expect(broken).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('an early-payoff quote never exceeds the remaining scheduled total', () => {
    fc.assert(
      fc.property(scheduleInput, fc.double({ min: 0, max: 1.1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (input, when, paidShare) => {
        const schedule = buildSchedule(input);
        const rows = schedule.installments;
        const span = daysBetween(input.disbursementDate, rows[rows.length - 1].dueDate);
        const payoffDate = addDays(input.disbursementDate, Math.floor(when * span));
        const paid = Math.floor(paidShare * (rows.length + 1)) > rows.length ? rows.length : Math.floor(paidShare * (rows.length + 1));
        for (const paidInstallments of [undefined, paid]) {
          const quote = quotePayoff(schedule, payoffDate, paidInstallments);
          expect(quote.total <= quote.remainingScheduled).toBe(true);
          expect(quote.accruedInterest >= 0n && quote.unpaidDue >= 0n && quote.outstandingPrincipal >= 0n).toBe(true);
          expect(quote.total).toBe(quote.unpaidDue + quote.outstandingPrincipal + quote.accruedInterest);
        }
      }),
      { numRuns: 300 },
    );
  });
});
