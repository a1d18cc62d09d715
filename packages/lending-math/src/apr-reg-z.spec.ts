import { chooseUnitPeriod, regZApr, regZAprFromJson, type RegZAprInput, type UnitPeriod, type UnitPeriodName } from './apr-reg-z';
import { addDays, addMonths } from './dates';
import { toPercentString } from './fixed';
import type { DatedAmount } from './input';

const monthly = (first: string, count: number, amount: string, everyMonths = 1): DatedAmount[] =>
  Array.from({ length: count }, (_, k) => ({ date: addMonths(first, k * everyMonths), amount }));
const everyDays = (first: string, count: number, amount: string, days: number): DatedAmount[] =>
  Array.from({ length: count }, (_, k) => ({ date: addDays(first, k * days), amount }));
/** Semimonthly on the 1st and 16th, starting with the 1st of `firstMonth`. */
const semimonthly = (firstMonth: string, count: number, amount: string): DatedAmount[] =>
  Array.from({ length: count }, (_, k) => ({ date: addMonths(firstMonth, Math.floor(k / 2), k % 2 === 0 ? 1 : 16), amount }));
const advance = (date: string, amount: string): DatedAmount[] => [{ date, amount }];

const aprPct = (input: RegZAprInput) => toPercentString(regZApr(input).annualRate, 2);

/**
 * 12 CFR Part 1026, Appendix J, paragraph (c) "Examples for the actuarial method"
 * (https://www.consumerfinance.gov/rules-policy/regulations/1026/j/). Each example states the
 * amount advanced, the payments and their dates, and the APR to two decimals; the unit period is
 * left for the code to choose by App. J (b)(4), and the choice is checked against the example's.
 */
const APPENDIX_J_EXAMPLES: Array<[string, RegZAprInput, string, UnitPeriod]> = [
  ['(c)(1)(i) monthly payments, regular first period',
    { advances: advance('1978-01-10', '5000.00'), payments: monthly('1978-02-10', 24, '230.00') }, '9.69', { kind: 'months', months: 1 }],
  ['(c)(1)(ii) monthly payments, long first period',
    { advances: advance('1978-02-10', '6000.00'), payments: monthly('1978-04-01', 36, '200.00') }, '11.82', { kind: 'months', months: 1 }],
  ['(c)(1)(iii) semimonthly payments, short first period',
    { advances: advance('1978-02-23', '5000.00'), payments: semimonthly('1978-03-01', 24, '219.17') }, '10.34', { kind: 'semimonth' }],
  ['(c)(1)(iv) quarterly payments, long first period',
    { advances: advance('1978-05-23', '10000.00'), payments: monthly('1978-10-01', 40, '385.00', 3) }, '8.97', { kind: 'months', months: 3 }],
  ['(c)(1)(v) weekly payments, long first period',
    { advances: advance('1978-03-20', '500.00'), payments: everyDays('1978-04-21', 30, '17.60', 7) }, '14.96', { kind: 'weeks', weeks: 1 }],
  ['(c)(2)(i) monthly payments, regular first period, irregular first payment',
    { advances: advance('1978-01-10', '5000.00'), payments: [{ date: '1978-02-10', amount: '250.00' }, ...monthly('1978-03-10', 23, '230.00')] },
    '10.08', { kind: 'months', months: 1 }],
  ['(c)(2)(ii) payments every 4 weeks, long first period, irregular first payment',
    { advances: advance('1978-03-18', '400.00'), payments: [{ date: '1978-04-20', amount: '39.50' }, ...everyDays('1978-05-18', 11, '38.31', 28)] },
    '28.50', { kind: 'weeks', weeks: 4 }],
  ['(c)(3)(i) monthly payments, regular first period, irregular final payment',
    { advances: advance('1978-01-10', '5000.00'), payments: [...monthly('1978-02-10', 23, '230.00'), { date: '1980-01-10', amount: '280.00' }] },
    '10.50', { kind: 'months', months: 1 }],
  ['(c)(3)(ii) payments every 2 weeks, short first period, irregular final payment',
    { advances: advance('1978-04-03', '200.00'), payments: [...everyDays('1978-04-11', 19, '9.50', 14), { date: addDays('1978-04-11', 14 * 19), amount: '30.00' }] },
    '12.22', { kind: 'weeks', weeks: 2 }],
  ['(c)(4)(i) monthly payments, irregular first and final payments',
    {
      advances: advance('1978-01-10', '5000.00'),
      payments: [{ date: '1978-02-10', amount: '250.00' }, ...monthly('1978-03-10', 22, '230.00'), { date: '1980-01-10', amount: '280.00' }],
    },
    '10.90', { kind: 'months', months: 1 }],
  ['(c)(4)(ii) payments every 2 months, short first period, irregular first and final payments',
    {
      advances: advance('1978-01-10', '8000.00'),
      payments: [{ date: '1978-03-01', amount: '449.36' }, ...monthly('1978-05-01', 18, '465.00', 2), { date: '1981-05-01', amount: '200.00' }],
    },
    '7.30', { kind: 'months', months: 2 }],
  ['(c)(5)(i) single advance, single payment, term of less than a year measured in days',
    { advances: advance('1978-01-03', '1000.00'), payments: [{ date: '1978-09-15', amount: '1080.00' }] },
    '11.45', { kind: 'term', months: 0, days: 255 }],
];

describe('Regulation Z Appendix J APR', () => {
  it.each(APPENDIX_J_EXAMPLES)('%s', (_, input, expected, unit) => {
    const result = regZApr(input);
    expect(toPercentString(result.annualRate, 2)).toBe(expected);
    expect(result.unitPeriod).toEqual(unit);
  });

  it('gives the same APR when the example unit period is named explicitly', () => {
    const [, input, expected] = APPENDIX_J_EXAMPLES[0];
    expect(aprPct({ ...input, unitPeriod: 'month' })).toBe(expected);
    const [, quarterly, quarterlyApr] = APPENDIX_J_EXAMPLES[3];
    expect(aprPct({ ...quarterly, unitPeriod: 'quarter' })).toBe(quarterlyApr);
  });

  it('treats several entries on one date as one payment', () => {
    const [, input, expected] = APPENDIX_J_EXAMPLES[0];
    const split = input.payments.flatMap((p) => [{ date: p.date, amount: '115.00' }, { date: p.date, amount: '115.00' }]);
    expect(aprPct({ advances: input.advances, payments: split })).toBe(expected);
  });

  it('is zero when the payments repay exactly the advance, and negative when they repay less', () => {
    expect(aprPct({ advances: advance('2026-01-15', '1200.00'), payments: monthly('2026-02-15', 12, '100.00') })).toBe('0.00');
    expect(Number(aprPct({ advances: advance('2026-01-15', '1200.00'), payments: monthly('2026-02-15', 12, '99.00') }))).toBeLessThan(0);
  });

  // App. J (b)(5)(v): a yearly unit period counts whole years back, then whole months / 12.
  it('counts years, then months, for annual payments', () => {
    const input = { advances: advance('2020-03-15', '1000.00'), payments: monthly('2021-03-15', 3, '400.00', 12) };
    const result = regZApr(input);
    expect(result.unitPeriod).toEqual({ kind: 'months', months: 12 });
    // 1000 = 400 v + 400 v^2 + 400 v^3 has i = 9.7010 %: the rate an annuity table gives.
    expect(toPercentString(result.annualRate, 2)).toBe('9.70');
  });

  // Multiple advances (App. J (c)(7) kind): each advance is discounted from the start like a payment.
  it('handles a second advance', () => {
    const input = {
      advances: [{ date: '2026-01-01', amount: '1000.00' }, { date: '2026-02-01', amount: '1000.00' }],
      payments: monthly('2026-03-01', 2, '1020.10'),
    };
    // Each advance is repaid two months later with 1 % a month compounded (1000 × 1.01² = 1020.10).
    expect(aprPct(input)).toBe('12.00');
  });
});

describe('App. J (b)(4) unit period', () => {
  const pick = (payments: string[], start = '2026-01-10') => chooseUnitPeriod([start], payments, 1);

  it.each<[string, string[], string, UnitPeriod]>([
    ['monthly with a long first period', ['2026-03-01', '2026-04-01', '2026-05-01'], '2026-01-10', { kind: 'months', months: 1 }],
    ['weekly', ['2026-01-17', '2026-01-24', '2026-01-31'], '2026-01-10', { kind: 'weeks', weeks: 1 }],
    ['every 10 days: the common period itself', ['2026-01-20', '2026-01-30', '2026-02-09'], '2026-01-10', { kind: 'days', days: 10 }],
    // (A) two common periods equally frequent: the smaller.
    ['equally frequent weeks and months', ['2026-01-17', '2026-01-24', '2026-02-24', '2026-03-24'], '2026-01-10', { kind: 'weeks', weeks: 1 }],
    // (B) no common period: the average (20, 30 and 45 days: about 31.7) rounded to a month.
    ['no common period', ['2026-01-30', '2026-03-01', '2026-04-15'], '2026-01-10', { kind: 'months', months: 1 }],
  ])('%s', (_, payments, start, expected) => {
    expect(pick(payments, start)).toEqual(expected);
  });

  it('keeps a series on the 31st whole through short months', () => {
    const payments = ['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30'];
    expect(chooseUnitPeriod(['2025-12-31'], payments, 31)).toEqual({ kind: 'months', months: 1 });
  });

  it('uses the term of a single-payment loan shorter than a year, in months when whole', () => {
    expect(chooseUnitPeriod(['2026-01-15'], ['2026-07-15'], 15)).toEqual({ kind: 'term', months: 6, days: 181 });
    expect(chooseUnitPeriod(['2026-01-15'], ['2027-07-15'], 15)).toEqual({ kind: 'months', months: 12 });
  });

  it('accepts every named unit period', () => {
    const names: UnitPeriodName[] = ['day', 'week', '2-weeks', '4-weeks', 'half-month', 'month', '2-months', 'quarter', 'half-year', 'year'];
    const [, input] = APPENDIX_J_EXAMPLES[0];
    // The nominal rate moves with the compounding period, the effective cost hardly at all.
    const aprs = names.map((unitPeriod) => Number(aprPct({ ...input, unitPeriod })));
    for (const apr of aprs) expect(apr).toBeGreaterThan(9.3);
    for (const apr of aprs) expect(apr).toBeLessThan(10.2);
  });
});

describe('regZAprFromJson', () => {
  it('names every bad field', () => {
    expect(() =>
      regZAprFromJson({ advances: [{ date: '1978-02-30', amount: '5000' }], payments: [{ date: '1978-03-10', amount: 230 }], unitPeriod: 'fortnight', extra: 1 }),
    ).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        fields: expect.arrayContaining([
          expect.objectContaining({ field: 'extra' }),
          expect.objectContaining({ field: 'advances[0].date' }),
          expect.objectContaining({ field: 'payments[0].amount' }),
          expect.objectContaining({ field: 'unitPeriod' }),
        ]),
      }),
    );
  });

  it('refuses a first payment on or before the first advance', () => {
    expect(() => regZApr({ advances: advance('2026-01-10', '100.00'), payments: [{ date: '2026-01-10', amount: '100.00' }] })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', fields: [expect.objectContaining({ field: 'payments' })] }),
    );
  });
});
