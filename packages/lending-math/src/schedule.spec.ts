import { buildSchedule, dueDates, scheduleFromJson, scheduleToJson, type ScheduleInput } from './schedule';
import { ISSUE_EXAMPLE_SCHEDULE } from './test-fixtures';

const monthlyLoan = (principal: string, annualRatePct: string, installments: number, extra: Partial<ScheduleInput> = {}): ScheduleInput => ({
  principal,
  annualRatePct,
  installments,
  frequency: 'monthly',
  disbursementDate: '2026-01-01',
  method: 'annuity',
  dayCount: '30/360',
  decimals: 2,
  ...extra,
});

const rows = (input: ScheduleInput) => scheduleToJson(buildSchedule(input)).installments;
const sumOf = (values: string[]) => {
  const cents = values.reduce((total, v) => total + BigInt(v.replace('.', '')), 0n);
  return `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
};

describe('level instalment against spreadsheet PMT examples', () => {
  it.each<[string, string, string, number, string]>([
    // Microsoft Support, "PMT function", example: =PMT(8%/12, 10, 10000) → ($1,037.03).
    ['Excel PMT(8%/12, 10, 10000)', '10000', '8', 10, '1037.03'],
    // Claris FileMaker Pro Help, "PMT", Example 1: PMT(21000; .069/12; 48) returns $501.90.
    ['FileMaker PMT(21000; .069/12; 48)', '21000', '6.9', 48, '501.90'],
    // MESCIUS Document Solutions formula reference, "PMT": PMT(6%/12, 15, 5000) gives -346.82.
    ['PMT(6%/12, 15, 5000)', '5000', '6', 15, '346.82'],
    // HP 12c Platinum Owner's Handbook, Section 3 "Amortization": 250,000 at 5.25 % over 25 and
    // 30 years gives payments of 1,498.12 and 1,380.51.
    ['HP 12c: 250,000 at 5.25 % for 25 years', '250000', '5.25', 300, '1498.12'],
    ['HP 12c: 250,000 at 5.25 % for 30 years', '250000', '5.25', 360, '1380.51'],
    // HP 12c Owner's Handbook, Section 3: "a 25-year mortgage for $50,000 at 13¼% ... payments of $573.35".
    ['HP 12c: 50,000 at 13.25 % for 25 years', '50000', '13.25', 300, '573.35'],
  ])('%s', (_, principal, rate, n, payment) => {
    const schedule = rows(monthlyLoan(principal, rate, n));
    expect(schedule[0].total).toBe(payment);
    expect(schedule[n - 2].total).toBe(payment);
  });
});

describe('published amortization tables (interest rounded to the cent every period)', () => {
  // HP 12c Platinum Owner's Handbook, Section 3 "Amortization": 250,000 at 5.25 % for 25 years,
  // payments of 1,498.12. First payment: interest 1,093.75, principal 404.37; second: 1,091.98 and
  // 406.14. First year: interest 13,006.53, principal 4,970.91, balance 245,029.09. Second year:
  // interest 12,739.18, principal 5,238.26, balance 239,790.83. The 30-year variant: first payment
  // interest 1,093.75, principal 286.76, balance 249,713.24.
  it('HP 12c Platinum: 250,000 at 5.25 %', () => {
    const table = rows(monthlyLoan('250000', '5.25', 300));
    expect(table.slice(0, 2).map((r) => [r.interest, r.principal])).toEqual([
      ['1093.75', '404.37'],
      ['1091.98', '406.14'],
    ]);
    const year = (k: number) => table.slice(12 * k, 12 * k + 12);
    expect([sumOf(year(0).map((r) => r.interest)), sumOf(year(0).map((r) => r.principal)), year(0)[11].balance]).toEqual(['13006.53', '4970.91', '245029.09']);
    expect([sumOf(year(1).map((r) => r.interest)), sumOf(year(1).map((r) => r.principal)), year(1)[11].balance]).toEqual(['12739.18', '5238.26', '239790.83']);

    const thirtyYears = rows(monthlyLoan('250000', '5.25', 360));
    expect([thirtyYears[0].interest, thirtyYears[0].principal, thirtyYears[0].balance]).toEqual(['1093.75', '286.76', '249713.24']);
  });

  // HP 12c Owner's Handbook, Section 3 "Amortization": 50,000 at 13.25 % for 25 years, payments of
  // 573.35. Second year: interest 6,570.72, principal 309.48, balance 49,419.21. First payment:
  // interest 552.08, principal 21.27; second: 551.85 and 21.50.
  it('HP 12c: 50,000 at 13.25 %', () => {
    const table = rows(monthlyLoan('50000', '13.25', 300));
    expect(table.slice(0, 2).map((r) => [r.interest, r.principal])).toEqual([
      ['552.08', '21.27'],
      ['551.85', '21.50'],
    ]);
    const second = table.slice(12, 24);
    expect([sumOf(second.map((r) => r.interest)), sumOf(second.map((r) => r.principal)), second[11].balance]).toEqual(['6570.72', '309.48', '49419.21']);
  });

  // HP calculators learning module "HP 12C Loan Amortizations", example 1: 180,000 at 7.75 % for
  // 30 years; after one year the balance is 178,420.18, principal paid 1,579.82, interest 13,894.66.
  it('HP 12C learning module: 180,000 at 7.75 %', () => {
    const firstYear = rows(monthlyLoan('180000', '7.75', 360)).slice(0, 12);
    expect([sumOf(firstYear.map((r) => r.interest)), sumOf(firstYear.map((r) => r.principal)), firstYear[11].balance]).toEqual([
      '13894.66',
      '1579.82',
      '178420.18',
    ]);
  });
});

describe('schedule', () => {
  // The issue's example: 5000 at 12 % over 18 months, 30/360, the instalment rounded to a multiple of 1.
  it('rounds the instalment to a multiple and lets the last one absorb the remainder', () => {
    const table = rows(ISSUE_EXAMPLE_SCHEDULE);
    expect(table[0]).toEqual({ n: 1, dueDate: '2022-12-01', principal: '255.00', interest: '50.00', total: '305.00', balance: '4745.00' });
    expect(table.slice(0, 17).every((r) => r.total === '305.00')).toBe(true);
    expect(table[17]).toEqual({ n: 18, dueDate: '2024-05-01', principal: '300.22', interest: '3.00', total: '303.22', balance: '0.00' });
  });

  it('keeps a loan due on the 31st on the last day of shorter months and back on the 31st', () => {
    expect(dueDates(monthlyLoan('1000', '10', 5, { disbursementDate: '2024-01-15', firstDueDate: '2024-01-31' }))).toEqual([
      '2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30', '2024-05-31',
    ]);
    expect(dueDates(monthlyLoan('1000', '10', 3, { disbursementDate: '2022-12-31' }))).toEqual(['2023-01-31', '2023-02-28', '2023-03-31']);
  });

  it('counts every schedule month as 30 days under 30/360, short February included', () => {
    const table = rows(monthlyLoan('1200', '12', 3, { method: 'equal-principal', disbursementDate: '2022-12-31' }));
    expect(table.map((r) => r.interest)).toEqual(['12.00', '8.00', '4.00']);
  });

  it('charges the odd days of a long first period', () => {
    // 2026-01-01 to 2026-02-15 is one month and 14 days: 44/360 of a year under 30/360.
    const table = rows(monthlyLoan('3600', '10', 3, { firstDueDate: '2026-02-15', method: 'equal-principal' }));
    expect(table[0].interest).toBe('44.00');
    expect(table[1].interest).toBe('20.00');
  });

  it.each<[ScheduleInput['dayCount'], string]>([
    ['actual/365', '19.18'], // 10 000 × 10 % × 7/365
    ['actual/364', '19.23'],
    ['actual/360', '19.44'],
    ['30/360', '19.44'], // 2026-01-01 to 01-08 is 7 days under 30/360 too
  ])('weekly interest under %s', (dayCount, interest) => {
    const table = rows(monthlyLoan('10000', '10', 4, { frequency: 'weekly', dayCount }));
    expect(table[0].dueDate).toBe('2026-01-08');
    expect(table[0].interest).toBe(interest);
  });

  it('falls due every two weeks, or every N days', () => {
    expect(dueDates(monthlyLoan('100', '5', 3, { frequency: 'biweekly' }))).toEqual(['2026-01-15', '2026-01-29', '2026-02-12']);
    expect(dueDates(monthlyLoan('100', '5', 3, { frequency: 'every-N-days', everyDays: 10 }))).toEqual(['2026-01-11', '2026-01-21', '2026-01-31']);
  });

  it('makes the first instalments interest-only during a grace period on principal', () => {
    const table = rows(monthlyLoan('12000', '12', 8, { graceOnPrincipal: 2 }));
    expect(table.slice(0, 2).map((r) => [r.principal, r.interest])).toEqual([
      ['0.00', '120.00'],
      ['0.00', '120.00'],
    ]);
    // Then a 6-payment annuity at 1 % a month: PMT(1%, 6, 12000) = 2070.58.
    expect(table[2].total).toBe('2070.58');
    expect(table[7].balance).toBe('0.00');
  });

  it('pays equal principal with interest on the falling balance', () => {
    const table = rows(monthlyLoan('1200', '12', 12, { method: 'equal-principal' }));
    expect(table.map((r) => r.principal)).toEqual(Array(12).fill('100.00'));
    expect(table.map((r) => r.interest)).toEqual(['12.00', '11.00', '10.00', '9.00', '8.00', '7.00', '6.00', '5.00', '4.00', '3.00', '2.00', '1.00']);
  });

  it('spreads flat interest on the original principal evenly', () => {
    // 5000 at 12 % flat for 6 months: 300 interest, 50 an instalment; 5300/6 = 883.33.
    const table = rows(monthlyLoan('5000', '12', 6, { method: 'flat' }));
    expect(table.slice(0, 5).map((r) => [r.principal, r.interest, r.total])).toEqual(Array(5).fill(['833.33', '50.00', '883.33']));
    expect(table[5]).toEqual(expect.objectContaining({ principal: '833.35', interest: '50.00', total: '883.35', balance: '0.00' }));
  });

  it('works in currencies without minor units', () => {
    // JPY: PMT(1%, 12, 1 000 000) = 88 848.79, rounded to whole yen.
    const table = rows(monthlyLoan('1000000', '12', 12, { decimals: 0 }));
    expect(table[0]).toEqual(expect.objectContaining({ interest: '10000', total: '88849' }));
  });

  it('takes the minor-unit decimals from a currency code', () => {
    const input = scheduleFromJson({ ...monthlyLoan('1000', '12', 2), decimals: undefined, currency: 'KWD' });
    expect(input.decimals).toBe(3);
    expect(rows(input)[0].interest).toBe('10.000');
  });

  it('handles a zero rate', () => {
    const table = rows(monthlyLoan('100.00', '0', 3));
    expect(table.map((r) => r.total)).toEqual(['33.33', '33.33', '33.34']);
  });
});

describe('scheduleFromJson', () => {
  it('names every bad field', () => {
    expect(() =>
      scheduleFromJson({
        principal: 5000,
        annualRatePct: '-1',
        installments: 0,
        frequency: 'every-N-days',
        disbursementDate: '2026-13-01',
        method: 'balloon',
        dayCount: 'actual/actual',
        decimals: 2,
        currency: 'JPY',
      }),
    ).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        fields: expect.arrayContaining(
          ['principal', 'annualRatePct', 'installments', 'everyDays', 'disbursementDate', 'method', 'dayCount', 'decimals'].map((field) =>
            expect.objectContaining({ field }),
          ),
        ),
      }),
    );
  });

  it.each<[Partial<ScheduleInput>, string]>([
    [{ firstDueDate: '2026-01-01' }, 'firstDueDate'],
    [{ graceOnPrincipal: 3 }, 'graceOnPrincipal'],
    [{ principal: '100.001' }, 'principal'],
    [{ installmentMultipleOf: '0.001' }, 'installmentMultipleOf'],
  ])('refuses %p', (extra, field) => {
    expect(() => buildSchedule(monthlyLoan('100', '5', 3, extra))).toThrow(expect.objectContaining({ fields: [expect.objectContaining({ field })] }));
  });
});
