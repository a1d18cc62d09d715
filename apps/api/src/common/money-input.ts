import { money, MoneyError, parseMoney, toDecimalString, type CurrencyCode } from '@keeper/money';
import { trimZeros } from './decimal';
import type { FieldError } from './errors';

/** Money typed by a person, checked into minor units; problems become field errors. */

/** A positive amount within the currency's decimals, or null (with a field error). */
export function parsePositiveAmount(input: string, currency: CurrencyCode, field: string, fields: FieldError[]): bigint | null {
  try {
    const minor = parseMoney(input, currency).amountMinor;
    if (minor > 0n) return minor;
    fields.push({ field, code: 'too_small', message: 'must be more than 0', params: { variant: 'positive' } });
  } catch (e) {
    if (!(e instanceof MoneyError)) throw e;
    fields.push({ field, code: 'invalid_amount', message: `has more decimals than ${currency} allows`, params: { currency } });
  }
  return null;
}

/**
 * The exchange rate of a document in `currency` (base units per one unit of it): 1 for the base
 * currency, otherwise the rate given, which is then required. `documents` names what is being
 * recorded in the messages ("payments", "bills").
 */
export function exchangeRateFor(
  currency: CurrencyCode,
  base: CurrencyCode,
  given: string | undefined,
  fields: FieldError[],
  documents: string,
  field = 'exchangeRate',
): string {
  if (currency === base) {
    if (given !== undefined && trimZeros(given) !== '1') {
      fields.push({ field, code: 'not_applicable', message: `must be 1 (or omitted) for ${base} ${documents}`, params: { base } });
    }
    return '1';
  }
  if (!given || /^0+(\.0+)?$/.test(given)) {
    fields.push({ field, code: 'required', message: `is required: how many ${base} one ${currency} is worth`, params: { variant: 'rate', base, currency } });
    return '1';
  }
  return trimZeros(given);
}

/** "1234.50 USD", for messages. */
export const formatAmount = (minor: bigint, currency: CurrencyCode) => `${toDecimalString(money(minor, currency))} ${currency}`;
