import fc from 'fast-check';
import { convert, money, type CurrencyCode } from '@keeper/money';

/** Pieces the property tests over documents and the books share. */

/** An exchange rate with 4 decimals between 1 and 9.9999. */
export const rateArb = fc
  .tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 9999 }))
  .map(([u, f]) => `${u}.${String(f).padStart(4, '0')}`);

/** Minor units of a 2-decimal currency as the decimal text an API body takes (12345n → "123.45"). */
export const dec = (minor: bigint) => {
  const s = minor.toString().padStart(3, '0');
  return `${s.slice(0, -2)}.${s.slice(-2)}`;
};

/** A document amount in `base` at the document's rate, rounded as the API does (half-up). */
export const valueInBaseOf =
  (base: CurrencyCode) =>
  (minor: bigint, currency: CurrencyCode, rate: string): bigint =>
    currency === base ? minor : convert(money(minor, currency), rate, base, 'half-up').amountMinor;

/** `percent` of an amount, at least one minor unit. */
export const portion = (minor: bigint, percent: number) => {
  const x = (minor * BigInt(percent)) / 100n;
  return x > 0n ? x : 1n;
};
