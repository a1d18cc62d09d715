import { DomainError } from '../../common/errors';
import { monthStartAfter, endOfMonth, previousPeriod, resolvePeriod } from './report-period';

describe('report periods', () => {
  it('defaults to this month so far, and refuses from after to', () => {
    expect(resolvePeriod({}, '2025-03-14')).toEqual({ from: '2025-03-01', to: '2025-03-14' });
    expect(resolvePeriod({ to: '2024-02-10' }, '2025-03-14')).toEqual({ from: '2024-02-01', to: '2024-02-10' });
    expect(() => resolvePeriod({ from: '2025-03-15' }, '2025-03-14')).toThrow(DomainError);
  });

  it.each([
    // whole months compare with as many whole months before
    ['2025-03-01', '2025-03-31', '2025-02-01', '2025-02-28'],
    ['2024-03-01', '2024-03-31', '2024-02-01', '2024-02-29'],
    ['2025-01-01', '2025-03-31', '2024-10-01', '2024-12-31'],
    ['2025-01-01', '2025-12-31', '2024-01-01', '2024-12-31'],
    // other ranges with as many days just before
    ['2025-03-01', '2025-03-14', '2025-02-15', '2025-02-28'],
    ['2025-03-10', '2025-03-10', '2025-03-09', '2025-03-09'],
    ['2025-03-02', '2025-03-31', '2025-01-31', '2025-03-01'],
  ])('the period before %s..%s is %s..%s', (from, to, pFrom, pTo) => {
    expect(previousPeriod({ from, to })).toEqual({ from: pFrom, to: pTo });
  });

  it('steps months across years and leap days', () => {
    expect(monthStartAfter('2025-01-31', -11)).toBe('2024-02-01');
    expect(endOfMonth('2024-02-10')).toBe('2024-02-29');
  });
});
