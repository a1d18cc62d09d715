import { daysBetween } from '../../common/dates';
import { dueReminderOffset } from './reminder-schedule';

describe('dueReminderOffset', () => {
  const offsets = [-3, 1, 7, 14];
  const due = '2026-03-10';

  it.each([
    // [today, expected offset, why]
    ['2026-03-06', null, 'four days before: no offset yet'],
    ['2026-03-07', -3, 'three days before, on its day'],
    ['2026-03-09', -3, 'missed the day before due: still a before-due reminder'],
    ['2026-03-10', -3, 'on the due date the before-due reminder may still go'],
    ['2026-03-11', 1, 'one day overdue, on its day'],
    ['2026-03-12', 1, 'a day late'],
    ['2026-03-16', 1, 'six days overdue: the 1-day reminder is five days late, within grace'],
    ['2026-03-17', 7, 'the 7-day reminder supersedes the missed 1-day one'],
    ['2026-03-24', 14, 'fourteen days overdue'],
    ['2026-03-31', 14, 'the 14-day reminder seven days late: last day of grace'],
    ['2026-04-01', null, 'eight days late: stale, nothing is sent'],
  ] as const)('on %s → %s (%s)', (today, expected, _why) => {
    expect(dueReminderOffset(offsets, due, today)).toBe(expected);
  });

  it('never sends a before-due reminder for an invoice already past due', () => {
    expect(dueReminderOffset([-3, 7], due, '2026-03-11')).toBeNull();
    expect(dueReminderOffset([-3, 7], due, '2026-03-17')).toBe(7);
  });

  it('handles offsets in any order, duplicates and none', () => {
    expect(dueReminderOffset([14, 1, 7, 1], due, '2026-03-18')).toBe(7);
    expect(dueReminderOffset([], due, '2026-03-18')).toBeNull();
  });

  it('counts calendar days across month and year ends', () => {
    expect(daysBetween('2026-12-30', '2027-01-02')).toBe(3);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-03-10', '2026-03-07')).toBe(-3);
    expect(dueReminderOffset([0], '2026-12-31', '2027-01-01')).toBe(0);
  });
});
