import { convert, money, type CurrencyCode } from '@keeper/money';

/**
 * The value in the base currency of an open amount of a document (an invoice's balance, a
 * payment's unapplied credit) at the document's fixed rate, rounded half-up as at issue.
 *
 * The ledger keeps each document's control account (receivable, customer credit) at exactly this
 * value of its open amount: every event that moves the open amount from `before` to `after` posts
 * baseMovement(before, after) = value(before) - value(after), so the postings telescope and no
 * rounding residue is ever left behind on a settled document. The difference to the amount valued
 * at another rate (a payment's) is an FX gain or loss, or a conversion rounding.
 */
export function baseValue(openMinor: bigint, currency: CurrencyCode, rate: string, base: CurrencyCode): bigint {
  if (currency === base) return openMinor;
  return convert(money(openMinor, currency), rate, base, 'half-up').amountMinor;
}

/** Base value that leaves the document's control account when its open amount goes from `before` to `after`. */
export function baseMovement(before: bigint, after: bigint, currency: CurrencyCode, rate: string, base: CurrencyCode): bigint {
  return baseValue(before, currency, rate, base) - baseValue(after, currency, rate, base);
}
