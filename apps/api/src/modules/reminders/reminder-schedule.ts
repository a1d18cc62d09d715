import { daysBetween } from '../../common/dates';

/**
 * How late a missed reminder may still go out. A scan normally runs every few minutes, so a
 * reminder is only late when the worker was down or the business enabled reminders after the
 * day had passed. Within a week the message still reads as timely; beyond it, a reminder for an
 * offset long gone (for example every old invoice the day reminders are first switched on) would
 * be a flood of stale mail, so it waits for the next offset instead.
 */
export const REMINDER_GRACE_DAYS = 7;

/**
 * The one reminder an open invoice should get today, or null: the latest offset whose day has
 * come (so a scan that missed days sends only the most recent reminder, never a backlog), if that
 * day is at most `graceDays` ago, and never a before-due reminder once the due date has passed.
 * The SQL function due_payment_reminders applies the same rule to find candidates.
 */
export function dueReminderOffset(
  offsets: readonly number[],
  dueDate: string,
  today: string,
  graceDays = REMINDER_GRACE_DAYS,
): number | null {
  const elapsed = daysBetween(dueDate, today);
  const passed = offsets.filter((o) => o <= elapsed);
  if (passed.length === 0) return null;
  const offset = Math.max(...passed);
  if (elapsed - offset > graceDays) return null;
  if (offset < 0 && elapsed > 0) return null;
  return offset;
}
