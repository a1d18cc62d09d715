// Report periods are calendar dates (YYYY-MM-DD) in the business's sense of "today";
// they are built from the browser's local date, never from UTC timestamps.
const pad = (n: number) => String(n).padStart(2, '0');
export const isoDate = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
export const todayIso = () => isoDate(new Date());

export type PeriodPreset = 'thisMonth' | 'lastMonth' | 'thisYear';
export const PERIOD_PRESETS: readonly PeriodPreset[] = ['thisMonth', 'lastMonth', 'thisYear'];

export function presetRange(preset: PeriodPreset, today = new Date()): { from: string; to: string } {
  const y = today.getFullYear();
  const m = today.getMonth();
  switch (preset) {
    case 'thisMonth':
      return { from: isoDate(new Date(y, m, 1)), to: isoDate(new Date(y, m + 1, 0)) };
    case 'lastMonth':
      return { from: isoDate(new Date(y, m - 1, 1)), to: isoDate(new Date(y, m, 0)) };
    case 'thisYear':
      return { from: `${y}-01-01`, to: `${y}-12-31` };
  }
}

/** A calendar date from the API as a Date at local midnight, for Intl formatting. */
export const calendarDate = (iso: string) => `${iso.slice(0, 10)}T00:00:00`;
