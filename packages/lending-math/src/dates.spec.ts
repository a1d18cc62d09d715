import { addMonths, days360, daysBetween, isLastDayOfMonth, parseIsoDate, wholeMonthsBack } from './dates';

describe('dates', () => {
  it.each<[string, number, number | undefined, string]>([
    ['2026-01-31', 1, undefined, '2026-02-28'],
    ['2024-01-31', 1, undefined, '2024-02-29'],
    ['2024-02-29', 1, 31, '2024-03-31'], // back to the anchor day after a short month
    ['2026-03-31', -1, undefined, '2026-02-28'],
    ['2026-01-15', -13, undefined, '2024-12-15'],
    ['2026-11-30', 3, undefined, '2027-02-28'],
  ])('addMonths(%s, %i, anchor %p) = %s', (date, months, anchor, expected) => {
    expect(addMonths(date, months, anchor)).toBe(expected);
  });

  it('parses only real calendar dates', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    for (const bad of ['2023-02-29', '2026-13-01', '2026-1-05', '20260105', 20260105, null]) expect(parseIsoDate(bad)).toBeNull();
  });

  it('counts whole months back from the later date', () => {
    expect(wholeMonthsBack('1978-02-10', '1978-04-01', 1)).toEqual({ count: 1, start: '1978-03-01' });
    expect(wholeMonthsBack('2026-01-31', '2026-02-28', 31)).toEqual({ count: 1, start: '2026-01-31' });
    expect(wholeMonthsBack('2026-01-31', '2026-02-28', 28)).toEqual({ count: 0, start: '2026-02-28' });
    expect(wholeMonthsBack('1994-01-01', '1995-07-01', 1, 12)).toEqual({ count: 1, start: '1994-07-01' });
  });

  // 30/360 bond basis (2006 ISDA Definitions 4.16(f)).
  it.each<[string, string, number]>([
    ['2026-01-15', '2026-02-15', 30],
    ['2026-01-31', '2026-02-28', 28],
    ['2026-01-30', '2026-03-31', 60],
    ['2026-01-29', '2026-03-31', 62],
    ['2025-12-31', '2026-12-31', 360],
  ])('days360(%s, %s) = %i', (from, to, days) => {
    expect(days360(from, to)).toBe(days);
  });

  it('knows month ends and actual days', () => {
    expect(isLastDayOfMonth('2024-02-29')).toBe(true);
    expect(isLastDayOfMonth('2023-02-28')).toBe(true);
    expect(isLastDayOfMonth('2024-02-28')).toBe(false);
    expect(daysBetween('1994-01-01', '1995-07-01')).toBe(546);
  });
});
