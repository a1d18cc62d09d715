import { currencyExponent } from './currency';
import { toDecimalString, type Money } from './money';

/** Display-only options; fraction digits are fixed to the currency's exponent so nothing is rounded. */
export type FormatMoneyOptions = Pick<
  Intl.NumberFormatOptions,
  'currencyDisplay' | 'currencySign' | 'signDisplay' | 'useGrouping' | 'numberingSystem'
>;

/**
 * Locale-aware currency formatting. Intl receives the exact decimal *string* (supported since
 * Intl.NumberFormat v3, Node 19+), never a float, so amounts beyond 2^53 minor units stay exact.
 */
export function formatMoney(m: Money, locale: string | readonly string[] = 'en', opts: FormatMoneyOptions = {}): string {
  const digits = currencyExponent(m.currency);
  const formatter = new Intl.NumberFormat(locale as string | string[], {
    ...opts,
    style: 'currency',
    currency: m.currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return formatter.format(toDecimalString(m) as Intl.StringNumericLiteral);
}
