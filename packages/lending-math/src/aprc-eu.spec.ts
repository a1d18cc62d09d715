import { euAprc, euAprcFromJson, yearFraction, type AprcTimePeriod, type EuAprcInput } from './aprc-eu';
import { addMonths } from './dates';
import { toPercentString } from './fixed';

const aprcPct = (input: EuAprcInput, decimals = 2) => toPercentString(euAprc(input).rate, decimals);

/**
 * The worked examples of the Community APR formula, Annex III "Examples of calculation", part A
 * "calendar basis (1 year = 365 days (or 366 days for leap years))", of Directive 98/7/EC (as carried
 * into Ireland's Consumer Credit Act 1995, Fourth Schedule). Directive 2008/48/EC Annex I keeps the
 * same basic equation and the same year of 365 (366) days.
 */
const ANNEX_EXAMPLES: Array<[string, EuAprcInput, string, number]> = [
  // "1 000 on 1 January 1994 ... repaid in a single payment of 1 200 made on 1 July 1995 i.e. 1½ years
  // or 546 (= 365 + 181) days after the date of the loan ... 12,96 % if an accuracy of two decimal
  // places is preferred".
  ['first example', { drawdowns: [{ date: '1994-01-01', amount: '1000' }], repayments: [{ date: '1995-07-01', amount: '1200' }] }, '12.96', 2],
  // "the creditor retains 50 for administrative expenses, so that the loan is in fact 950 ... rounded
  // to 16,9 %".
  ['second example', { drawdowns: [{ date: '1994-01-01', amount: '950' }], repayments: [{ date: '1995-07-01', amount: '1200' }] }, '16.9', 1],
  // "1 000, on 1 January 1994, repayable in two amounts, each of 600, paid after one and two years
  // ... i = 0,1306623 ... 13,07 %".
  [
    'third example',
    { drawdowns: [{ date: '1994-01-01', amount: '1000' }], repayments: [{ date: '1995-01-01', amount: '600' }, { date: '1996-01-01', amount: '600' }] },
    '13.0662',
    4,
  ],
];

describe('EU APRC, Directive 2008/48/EC Annex I', () => {
  it.each(ANNEX_EXAMPLES)('Directive 98/7/EC Annex III, %s', (_, input, expected, decimals) => {
    expect(aprcPct(input, decimals)).toBe(expected);
  });

  it('counts a single repayment in years and days, so 546 days is 1 + 181/365 years', () => {
    const [, input] = ANNEX_EXAMPLES[0];
    expect(euAprc(input).timePeriod).toBe('year');
    // Counted in 12 equal months instead, the same loan runs exactly 1.5 years.
    expect(aprcPct({ ...input, timePeriod: 'month' })).toBe('12.92');
  });

  it('counts monthly repayments in months', () => {
    const input: EuAprcInput = {
      drawdowns: [{ date: '2026-01-05', amount: '10000.00' }],
      repayments: Array.from({ length: 6 }, (_, k) => ({ date: addMonths('2026-02-05', k), amount: '1707.00' })),
    };
    expect(euAprc(input).timePeriod).toBe('month');
    // Six payments of 1 707 repay 10 000 at about 0.6875 % a month (8.25 % a year nominal); counted
    // in months, X = 1.006875^12 − 1. The curo library's README gives 8.569257 % for this loan.
    expect(aprcPct(input, 4)).toBe('8.5693');
  });

  it('counts a fee paid at drawdown as a repayment at time zero', () => {
    const withFee = aprcPct({
      drawdowns: [{ date: '1994-01-01', amount: '1000' }],
      repayments: [{ date: '1994-01-01', amount: '50' }, { date: '1995-07-01', amount: '1200' }],
    });
    expect(withFee).toBe(aprcPct(ANNEX_EXAMPLES[1][1]));
  });

  it('refuses a repayment before the first drawdown', () => {
    expect(() => euAprc({ drawdowns: [{ date: '2026-02-01', amount: '100' }], repayments: [{ date: '2026-01-01', amount: '100' }] })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });

  it('reads the JSON request and names bad fields', () => {
    expect(euAprcFromJson({ drawdowns: [{ date: '1994-01-01', amount: '1000' }], repayments: [{ date: '1995-07-01', amount: '1200' }] })).toEqual(
      expect.objectContaining({ decimals: 2 }),
    );
    expect(() => euAprcFromJson({ drawdowns: [], repayments: [{ date: '1995-07-01' }], timePeriod: 'day' })).toThrow(
      expect.objectContaining({
        fields: expect.arrayContaining([
          expect.objectContaining({ field: 'drawdowns' }),
          expect.objectContaining({ field: 'repayments[0].amount' }),
          expect.objectContaining({ field: 'timePeriod' }),
        ]),
      }),
    );
  });
});

/**
 * Remark (c) intervals: whole periods counted back from the flow, then days divided by the length of
 * the year ending where the whole periods start. The cases are those of the Commission's guidelines
 * on the CCD (SWD(2012) 128 final, section 4.1.1), as tabulated by the curo library's test-suite
 * (eu_2008_48_ec_test.dart), including the leap-year 366.
 */
describe('Annex I remark (c) time intervals', () => {
  const fraction = (from: string, to: string, period: AprcTimePeriod) => {
    const y = yearFraction(from, to, period, Number(to.slice(8)));
    return `${y.periods}/${y.perYear} + ${y.days}/${y.yearDays}`;
  };

  it.each<[string, string, AprcTimePeriod, string]>([
    ['2019-01-12', '2020-01-12', 'month', '12/12 + 0/365'],
    ['2012-01-12', '2012-02-15', 'month', '1/12 + 3/365'],
    ['2012-01-12', '2012-04-15', 'month', '3/12 + 3/365'],
    ['2013-01-12', '2013-02-15', 'month', '1/12 + 3/366'],
    ['2013-02-26', '2013-03-29', 'month', '1/12 + 2/366'],
    ['2012-01-12', '2012-02-15', 'year', '0/1 + 34/365'],
    ['2012-01-12', '2014-02-15', 'year', '2/1 + 34/365'],
    ['2020-01-01', '2021-03-15', 'year', '1/1 + 74/366'],
    ['2012-01-12', '2012-01-26', 'week', '2/52 + 0/365'],
    ['2012-01-12', '2012-01-30', 'week', '2/52 + 4/365'],
    ['2012-01-12', '2013-01-12', 'week', '52/52 + 2/365'],
  ])('%s to %s in %s: %s', (from, to, period, expected) => {
    expect(fraction(from, to, period)).toBe(expected);
  });

  it('keeps month ends whole: Jan 31 to Feb 28 is one month', () => {
    const y = yearFraction('2026-01-31', '2026-02-28', 'month', 31);
    expect([y.periods, y.days]).toEqual([1, 0]);
  });

  it('gives 1 + 181/365 = 546/365 years for the first Annex III example', () => {
    expect(yearFraction('1994-01-01', '1995-07-01', 'year', 1)).toEqual({ periods: 1, perYear: 1, days: 181, yearDays: 365 });
  });
});
