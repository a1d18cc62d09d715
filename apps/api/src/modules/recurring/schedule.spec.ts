import { addMonths } from '../../common/dates';
import { firstIndexAfter, hasEnded, occurrenceDate } from './schedule';

describe('recurring schedule', () => {
  it.each([
    ['2026-01-31', 'monthly', 1, '2026-02-28'],
    ['2026-01-31', 'monthly', 2, '2026-03-31'],
    ['2026-01-31', 'monthly', 3, '2026-04-30'],
    ['2028-01-31', 'monthly', 1, '2028-02-29'],
    ['2028-01-31', 'monthly', 2, '2028-03-31'],
    ['2100-01-31', 'monthly', 1, '2100-02-28'],
    ['2000-01-31', 'monthly', 1, '2000-02-29'],
    ['2026-01-30', 'monthly', 1, '2026-02-28'],
    ['2026-01-30', 'monthly', 2, '2026-03-30'],
    ['2026-11-30', 'monthly', 2, '2027-01-30'],
    ['2026-12-31', 'monthly', 1, '2027-01-31'],
    ['2026-08-31', 'quarterly', 1, '2026-11-30'],
    ['2026-08-31', 'quarterly', 2, '2027-02-28'],
    ['2026-08-31', 'quarterly', 3, '2027-05-31'],
    ['2028-02-29', 'yearly', 1, '2029-02-28'],
    ['2028-02-29', 'yearly', 4, '2032-02-29'],
    ['2026-12-29', 'weekly', 1, '2027-01-05'],
    ['2028-02-26', 'weekly', 1, '2028-03-04'],
    ['2026-03-15', 'monthly', 0, '2026-03-15'],
  ] as const)('%s %s #%d -> %s', (start, frequency, n, expected) => {
    expect(occurrenceDate(start, frequency, n)).toBe(expected);
  });

  it('walks Jan 31 through a leap year month by month', () => {
    const dates = Array.from({ length: 13 }, (_, n) => occurrenceDate('2027-12-31', 'monthly', n));
    expect(dates).toEqual([
      '2027-12-31', '2028-01-31', '2028-02-29', '2028-03-31', '2028-04-30', '2028-05-31', '2028-06-30',
      '2028-07-31', '2028-08-31', '2028-09-30', '2028-10-31', '2028-11-30', '2028-12-31',
    ]);
  });

  it('handles negative months across a year boundary', () => {
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
  });

  it.each([
    ['2026-01-31', 'monthly', null, 0],
    ['2026-01-31', 'monthly', '2026-01-30', 0],
    ['2026-01-31', 'monthly', '2026-01-31', 1],
    ['2026-01-31', 'monthly', '2026-03-30', 2],
    ['2026-01-31', 'weekly', '2026-12-31', 48], // #47 = 2026-12-26, #48 = 2027-01-02
    ['2020-01-06', 'weekly', '2026-11-30', 361], // 2520 days = 360 weeks: #360 falls on the last date itself
    ['2026-01-31', 'yearly', '2026-06-01', 1],
  ] as const)('the first %s %s occurrence after %s is #%d', (start, frequency, last, n) => {
    expect(firstIndexAfter(start, frequency, last)).toBe(n);
    if (last) {
      expect(occurrenceDate(start, frequency, n) > last).toBe(true);
      if (n > 0) expect(occurrenceDate(start, frequency, n - 1) <= last).toBe(true);
    }
  });

  it('ends at the end date or once the count of invoices is made, whichever comes first', () => {
    const t = { nextDate: '2026-05-01', endDate: null, maxCount: null, generatedCount: 40 };
    expect(hasEnded(t)).toBe(false);
    expect(hasEnded({ ...t, endDate: '2026-05-01' })).toBe(false);
    expect(hasEnded({ ...t, endDate: '2026-04-30' })).toBe(true);
    expect(hasEnded({ ...t, maxCount: 41 })).toBe(false);
    expect(hasEnded({ ...t, maxCount: 40 })).toBe(true);
  });
});
