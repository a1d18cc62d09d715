import {
  convert,
  isCurrency,
  money,
  MoneyError,
  negate,
  parseDecimal,
  parseMoney,
  toDecimalString,
  type CurrencyCode,
  type Money,
} from '@keeper/money';
import type { FieldError } from '../../common/errors';
import type { Side } from './chart';

/**
 * Pure rules of a journal entry, shared by LedgerService (every posting) and manual entries.
 * The database enforces the same invariants at commit; these give a clear message first.
 */

/** One line's value: the signed amount (debit positive) and its value in the base currency. */
export interface LineValue {
  amount: Money;
  baseAmountMinor: bigint;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD (no time, no time zone). */
export function isIsoDate(value: unknown): value is string {
  const m = typeof value === 'string' ? DATE.exec(value) : null;
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 9999 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

export function sideOf(line: LineValue): Side {
  const sign = line.amount.amountMinor !== 0n ? line.amount.amountMinor : line.baseAmountMinor;
  return sign < 0n ? 'credit' : 'debit';
}

const absMinor = (v: bigint) => (v < 0n ? -v : v);

/** The base value as Money, for formatting. */
export const baseMoney = (line: LineValue, base: CurrencyCode): Money => money(line.baseAmountMinor, base);

/** Why each line, on its own, cannot be posted (index and message); empty when all are fine. */
export function lineProblems(lines: readonly LineValue[], base: CurrencyCode): { index: number; message: string }[] {
  const problems: { index: number; message: string }[] = [];
  lines.forEach((l, index) => {
    const a = l.amount.amountMinor;
    const b = l.baseAmountMinor;
    if (a === 0n && b === 0n) problems.push({ index, message: 'moves nothing: amount and base amount are both zero' });
    else if ((a > 0n && b < 0n) || (a < 0n && b > 0n)) {
      problems.push({ index, message: 'has a base amount of the opposite sign to its amount' });
    } else if (l.amount.currency === base && a !== b) {
      problems.push({ index, message: `is in the base currency ${base}, so its base amount must equal its amount` });
    }
  });
  return problems;
}

/** Why the entry as a whole does not balance; empty when it balances per currency and in the base currency. */
export function balanceProblems(lines: readonly LineValue[], base: CurrencyCode): string[] {
  const problems: string[] = [];
  if (lines.length < 2) problems.push('an entry needs at least two lines');
  const perCurrency = new Map<CurrencyCode, { debit: bigint; credit: bigint }>();
  let baseDebit = 0n;
  let baseCredit = 0n;
  for (const l of lines) {
    const t = perCurrency.get(l.amount.currency) ?? { debit: 0n, credit: 0n };
    if (l.amount.amountMinor > 0n) t.debit += l.amount.amountMinor;
    else t.credit -= l.amount.amountMinor;
    perCurrency.set(l.amount.currency, t);
    if (l.baseAmountMinor > 0n) baseDebit += l.baseAmountMinor;
    else baseCredit -= l.baseAmountMinor;
  }
  for (const [currency, t] of [...perCurrency].sort(([x], [y]) => x.localeCompare(y))) {
    if (t.debit !== t.credit) {
      const fmt = (v: bigint) => toDecimalString(money(v, currency));
      problems.push(
        `debits (${fmt(t.debit)}) and credits (${fmt(t.credit)}) in ${currency} differ by ${fmt(absMinor(t.debit - t.credit))}`,
      );
    }
  }
  if (baseDebit !== baseCredit) {
    const fmt = (v: bigint) => toDecimalString(money(v, base));
    problems.push(
      `valued in the base currency ${base}, debits (${fmt(baseDebit)}) and credits (${fmt(baseCredit)}) differ by ${fmt(absMinor(baseDebit - baseCredit))}`,
    );
  }
  return problems;
}

/** The lines of a reversing entry: every amount and base amount negated, nothing else changed. */
export function reversedLines<T extends LineValue>(lines: readonly T[]): T[] {
  return lines.map((l) => ({ ...l, amount: negate(l.amount), baseAmountMinor: -l.baseAmountMinor }));
}

/** A line of a manual entry as an accountant types it: unsigned decimals and a side. */
export interface ManualLineInput {
  side: Side;
  amount: string;
  currency?: string;
  exchangeRate?: string;
  baseAmount?: string;
}

/**
 * Turns typed lines into signed values, with errors that name the line and field (`lines.1.amount`).
 * A foreign-currency line needs either an exchange rate (base units per 1 unit of the line's
 * currency; the base amount is rounded half-even) or its base amount as booked by the bank. An
 * amount of 0 with a base amount records an FX difference.
 */
export function parseManualLines(
  inputs: readonly ManualLineInput[],
  base: CurrencyCode,
): { values: LineValue[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const values: LineValue[] = [];
  inputs.forEach((input, i) => {
    const fail = (field: string, code: string, message: string, params?: Record<string, string>) =>
      errors.push({ field: `lines.${i}.${field}`, code, message, ...(params ? { params } : {}) });
    const positive = { variant: 'positive' };
    const currency = input.currency ?? base;
    if (!isCurrency(currency)) return fail('currency', 'invalid_choice', 'must be an ISO 4217 currency code such as USD');
    const amount = parseAmount(input.amount, currency, (code, message, params) => fail('amount', code, message, params));
    if (!amount) return;
    let baseAmountMinor: bigint;
    if (currency === base) {
      if (input.exchangeRate !== undefined) {
        return fail('exchangeRate', 'not_allowed', `must be omitted for a line in the base currency ${base}`, { base });
      }
      if (input.baseAmount !== undefined) {
        return fail('baseAmount', 'not_allowed', `must be omitted for a line in the base currency ${base}`, { base });
      }
      if (amount.amountMinor === 0n) return fail('amount', 'too_small', 'must be greater than zero', positive);
      baseAmountMinor = amount.amountMinor;
    } else if (input.exchangeRate !== undefined && input.baseAmount !== undefined) {
      return fail('baseAmount', 'not_allowed', 'give either exchangeRate or baseAmount, not both');
    } else if (input.baseAmount !== undefined) {
      const baseAmount = parseAmount(input.baseAmount, base, (code, message, params) => fail('baseAmount', code, message, params));
      if (!baseAmount) return;
      if (amount.amountMinor === 0n && baseAmount.amountMinor === 0n) {
        return fail('amount', 'too_small', 'must be greater than zero (zero is allowed only with a non-zero baseAmount, for an FX difference)', positive);
      }
      baseAmountMinor = baseAmount.amountMinor;
    } else if (input.exchangeRate !== undefined) {
      if (amount.amountMinor === 0n) {
        return fail('amount', 'too_small', 'must be greater than zero (zero is allowed only with baseAmount, for an FX difference)', positive);
      }
      let rate;
      try {
        rate = parseDecimal(input.exchangeRate);
      } catch {
        return fail('exchangeRate', 'invalid_format', 'must be a decimal such as 7.1234');
      }
      if (rate.coefficient <= 0n) return fail('exchangeRate', 'too_small', 'must be greater than zero', positive);
      baseAmountMinor = convert(amount, rate, base, 'half-even').amountMinor;
    } else {
      return fail('exchangeRate', 'required', `is required for a line in ${currency} (the base currency is ${base}), or give baseAmount`, {
        variant: 'rate',
        currency,
        base,
      });
    }
    const sign = input.side === 'credit' ? -1n : 1n;
    values.push({ amount: money(amount.amountMinor * sign, currency), baseAmountMinor: baseAmountMinor * sign });
  });
  return { values, errors };
}

function parseAmount(
  value: string,
  currency: CurrencyCode,
  fail: (code: string, message: string, params?: Record<string, string>) => void,
): Money | null {
  try {
    const m = parseMoney(value, currency);
    if (m.amountMinor < 0n) {
      fail('too_small', 'must not be negative; choose the debit or credit side instead', { variant: 'negative' });
      return null;
    }
    return m;
  } catch (e) {
    if (e instanceof MoneyError && e.code === 'PRECISION_EXCEEDED') {
      fail('too_precise', `has more decimal places than ${currency} allows`, { currency });
    } else {
      fail('invalid_format', 'must be a decimal such as 1234.56');
    }
    return null;
  }
}
