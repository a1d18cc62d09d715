import { convert, isCurrency, parseMoney, type CurrencyCode } from '@keeper/money';
import type { NewJournalEntry } from '../api/create-journal-entry';

export type EntryLine = { key: number; accountId: string; debit: string; credit: string; currency: string; exchangeRate: string; description: string };

let nextKey = 1;
export const emptyLine = (currency: string): EntryLine => ({
  key: nextKey++,
  accountId: '',
  debit: '',
  credit: '',
  currency,
  exchangeRate: '',
  description: '',
});

function minorOf(text: string, currency: string): bigint | null {
  if (!text.trim()) return 0n;
  if (!isCurrency(currency)) return null;
  try {
    return parseMoney(text.trim(), currency).amountMinor;
  } catch {
    return null;
  }
}

/** A line's value in the base currency, as the API will convert it (half-even), or null if not yet computable. */
export function lineBaseMinor(line: EntryLine, base: string): { debit: bigint; credit: bigint } | null {
  const debit = minorOf(line.debit, line.currency);
  const credit = minorOf(line.credit, line.currency);
  if (debit === null || credit === null) return null;
  if (line.currency === base) return { debit, credit };
  if (!line.exchangeRate.trim() || !isCurrency(line.currency) || !isCurrency(base)) return null;
  try {
    const toBase = (amountMinor: bigint) =>
      convert({ amountMinor, currency: line.currency as CurrencyCode }, line.exchangeRate.trim(), base as CurrencyCode, 'half-even').amountMinor;
    return { debit: toBase(debit), credit: toBase(credit) };
  } catch {
    return null;
  }
}

export function entryTotals(lines: readonly EntryLine[], base: string) {
  let debit = 0n;
  let credit = 0n;
  let complete = true;
  for (const line of lines) {
    const v = lineBaseMinor(line, base);
    if (!v) {
      complete = false;
      continue;
    }
    debit += v.debit;
    credit += v.credit;
  }
  return { debit, credit, complete, balanced: complete && debit === credit && debit > 0n };
}

/** Blank lines are dropped; each kept line has one side (the amount typed under debit or credit). */
export function toRequestLines(lines: readonly EntryLine[], base: string): { body: NewJournalEntry['lines']; indexOf: number[] } {
  const body: NewJournalEntry['lines'] = [];
  const indexOf: number[] = [];
  lines.forEach((line, i) => {
    if (!line.accountId && !line.debit.trim() && !line.credit.trim()) return;
    const side = line.credit.trim() && !line.debit.trim() ? 'credit' : 'debit';
    body.push({
      accountId: line.accountId,
      side,
      amount: (side === 'debit' ? line.debit : line.credit).trim(),
      ...(line.currency !== base ? { currency: line.currency, exchangeRate: line.exchangeRate.trim() } : {}),
      ...(line.description.trim() ? { description: line.description.trim() } : {}),
    });
    indexOf.push(i);
  });
  return { body, indexOf };
}
