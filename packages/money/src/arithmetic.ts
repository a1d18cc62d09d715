import { MoneyError } from './errors';
import { money, zero, type Money } from './money';
import type { CurrencyCode } from './currency';

function assertSameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw new MoneyError('CURRENCY_MISMATCH', `Cannot combine ${a.currency} with ${b.currency}`);
  }
}

export function add(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(a.amountMinor + b.amountMinor, a.currency);
}

export function subtract(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(a.amountMinor - b.amountMinor, a.currency);
}

export function negate(m: Money): Money {
  return money(-m.amountMinor, m.currency);
}

export function abs(m: Money): Money {
  return m.amountMinor < 0n ? negate(m) : m;
}

/** The currency is required so an empty list still has a well-defined zero. */
export function sum(values: readonly Money[], currency: CurrencyCode): Money {
  let total = zero(currency);
  for (const value of values) total = add(total, value);
  return total;
}

export function compare(a: Money, b: Money): -1 | 0 | 1 {
  assertSameCurrency(a, b);
  if (a.amountMinor === b.amountMinor) return 0;
  return a.amountMinor < b.amountMinor ? -1 : 1;
}

/** Throws on mixed currencies rather than answering false, which would hide a logic error. */
export function equals(a: Money, b: Money): boolean {
  return compare(a, b) === 0;
}

export function isZero(m: Money): boolean {
  return m.amountMinor === 0n;
}

export function isNegative(m: Money): boolean {
  return m.amountMinor < 0n;
}

export function isPositive(m: Money): boolean {
  return m.amountMinor > 0n;
}

export function min(first: Money, ...rest: Money[]): Money {
  return rest.reduce((lowest, m) => (compare(m, lowest) < 0 ? m : lowest), first);
}

export function max(first: Money, ...rest: Money[]): Money {
  return rest.reduce((highest, m) => (compare(m, highest) > 0 ? m : highest), first);
}
