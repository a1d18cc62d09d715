import { assertCurrency, currencyExponent, MoneyError, money, parseMoney, toDecimalString, type CurrencyCode } from '@keeper/money';
import type { FieldError } from '../../common/errors';

/**
 * A typed amount ("1250.50", already matched against AMOUNT) to minor units of `currency`, or the
 * field error a person can act on when it has more decimals than the currency has.
 */
export function amountToMinor(
  value: string,
  currency: string,
  field: string,
): { minor: bigint; error?: undefined } | { minor?: undefined; error: FieldError } {
  const code = assertCurrency(currency);
  try {
    return { minor: parseMoney(value, code).amountMinor };
  } catch (e) {
    if (e instanceof MoneyError && e.code === 'PRECISION_EXCEEDED') {
      const places = currencyExponent(code);
      return {
        error: {
          field,
          code: 'too_precise',
          message:
            places === 0 ? `must be a whole amount for ${code}` : `must have at most ${places} decimal places for ${code}`,
        },
      };
    }
    throw e;
  }
}

/** Minor units back to the major-unit string a person typed ("1250.50"). */
export const minorToAmount = (minor: bigint | string, currency: string) =>
  toDecimalString(money(BigInt(minor), currency as CurrencyCode));
