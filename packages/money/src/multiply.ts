import { assertCurrency, currencyExponent, type CurrencyCode } from './currency';
import { decimalToString, parseDecimalOrThrow, pow10, type Decimal } from './decimal';
import { MoneyError } from './errors';
import { money, type Money } from './money';
import { roundDiv, type RoundingMode } from './rounding';

function toDecimal(value: string | Decimal, what: string): Decimal {
  if (typeof value === 'string') return parseDecimalOrThrow(value, 'INVALID_DECIMAL', what);
  if (typeof value?.coefficient !== 'bigint' || !Number.isSafeInteger(value.scale) || value.scale < 0) {
    throw new MoneyError('INVALID_DECIMAL', `Invalid ${what}: expected a decimal string or { coefficient: bigint, scale: non-negative integer }`);
  }
  return value;
}

/** m × factor, e.g. multiplyByDecimal(price, "1.0825", "half-even") for price plus 8.25% tax. */
export function multiplyByDecimal(m: Money, factor: string | Decimal, mode: RoundingMode): Money {
  const { coefficient, scale } = toDecimal(factor, 'factor');
  return money(roundDiv(m.amountMinor * coefficient, pow10(scale), mode), m.currency);
}

/** percent % of m, e.g. percentageOf(price, "8.25", "half-even"). */
export function percentageOf(m: Money, percent: string | Decimal, mode: RoundingMode): Money {
  const { coefficient, scale } = toDecimal(percent, 'percentage');
  return money(roundDiv(m.amountMinor * coefficient, pow10(scale) * 100n, mode), m.currency);
}

/**
 * FX conversion. `rate` is units of the target currency per 1 unit of the source currency
 * (USD→JPY "151.23"). Both exponents matter: 1.00 USD (100 minor) × 151.23 = 151 JPY (minor).
 */
export function convert(m: Money, rate: string | Decimal, toCurrency: CurrencyCode, mode: RoundingMode): Money {
  const { coefficient, scale } = toDecimal(rate, 'FX rate');
  if (coefficient <= 0n) {
    throw new MoneyError('INVALID_RATE', `FX rate must be positive, got ${decimalToString({ coefficient, scale })}`);
  }
  const target = assertCurrency(toCurrency);
  const numerator = m.amountMinor * coefficient * pow10(currencyExponent(target));
  const denominator = pow10(scale + currencyExponent(m.currency));
  return money(roundDiv(numerator, denominator, mode), target);
}
