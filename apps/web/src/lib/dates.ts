// Calendar days (YYYY-MM-DD) as the reader's browser counts them, never through UTC timestamps.
const pad = (n: number) => String(n).padStart(2, '0');
const local = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y!, m! - 1, d!);
};
const isoOf = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

export const todayIso = () => isoOf(new Date());

export const addDaysIso = (iso: string, days: number) => {
  const d = local(iso);
  d.setDate(d.getDate() + days);
  return isoOf(d);
};

/** Whole days from today to the given day (0 = today, negative = past). */
export const daysUntil = (iso: string) => Math.round((local(iso).getTime() - local(todayIso()).getTime()) / 86_400_000);
