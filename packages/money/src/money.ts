import { assertCurrency, currencyExponent, type CurrencyCode } from './currency';
import { decimalToString, parseDecimalOrThrow, pow10 } from './decimal';
import { MoneyError } from './errors';
import { roundDiv, type RoundingMode } from './rounding';

/** An integer count of minor units (cents, yen, fils) in one currency. Never a float. */
export interface Money {
  readonly amountMinor: bigint;
  readonly currency: CurrencyCode;
}

export interface MoneyJson {
  readonly amountMinor: string;
  readonly currency: CurrencyCode;
}

/** Accepts a bigint, or a number only when it is a safe integer (anything else has already lost precision). */
export function money(amountMinor: bigint | number, currency: CurrencyCode): Money {
  const code = assertCurrency(currency);
  if (typeof amountMinor === 'bigint') return Object.freeze({ amountMinor, currency: code });
  if (typeof amountMinor === 'number' && Number.isSafeInteger(amountMinor)) {
    return Object.freeze({ amountMinor: BigInt(amountMinor), currency: code });
  }
  throw new MoneyError(
    'INVALID_AMOUNT',
    `Invalid minor-unit amount ${String(amountMinor)}: expected a bigint or a safe integer number`,
  );
}

export function zero(currency: CurrencyCode): Money {
  return money(0n, currency);
}

/**
 * Parses a major-unit decimal string ("1234.56") exactly. Digits beyond the currency's exponent are
 * rejected with PRECISION_EXCEEDED unless `rounding` is given; trailing zeros ("1.50" JPY "100.00")
 * are accepted because no value is lost.
 */
export function parseMoney(input: string, currency: CurrencyCode, rounding?: RoundingMode): Money {
  const exponent = currencyExponent(currency);
  const { coefficient, scale } = parseDecimalOrThrow(input, 'INVALID_AMOUNT', `${currency} amount`);
  if (scale <= exponent) return money(coefficient * pow10(exponent - scale), currency);

  const divisor = pow10(scale - exponent);
  if (rounding === undefined && coefficient % divisor !== 0n) {
    throw new MoneyError(
      'PRECISION_EXCEEDED',
      `${currency} amount ${JSON.stringify(input)} has more than ${exponent} decimal places; pass a rounding mode to round it`,
    );
  }
  return money(roundDiv(coefficient, divisor, rounding ?? 'down'), currency);
}

/** Major-unit string with exactly the currency's decimals: "1234.56", "-0.05", JPY "1234". */
export function toDecimalString(m: Money): string {
  return decimalToString({ coefficient: m.amountMinor, scale: currencyExponent(m.currency) });
}

/** The amount travels as a string so JSON.parse never turns it into a lossy float. */
export function moneyToJson(m: Money): MoneyJson {
  return { amountMinor: m.amountMinor.toString(), currency: m.currency };
}

const INTEGER_PATTERN = /^-?\d+$/;

export function moneyFromJson(json: unknown): Money {
  if (typeof json !== 'object' || json === null) {
    throw new MoneyError('INVALID_AMOUNT', `Invalid money JSON: expected an object, got ${JSON.stringify(json)}`);
  }
  const { amountMinor, currency } = json as Record<string, unknown>;
  if (typeof amountMinor !== 'string' || !INTEGER_PATTERN.test(amountMinor)) {
    throw new MoneyError(
      'INVALID_AMOUNT',
      `Invalid money JSON amountMinor ${JSON.stringify(amountMinor)}: expected an integer string such as "-1234"`,
    );
  }
  return money(BigInt(amountMinor), assertCurrency(currency));
}
