import { formatMoney, isCurrency, moneyFromJson, parseMoney, toDecimalString, type CurrencyCode, type Money } from '@keeper/money';
import { useTranslation } from 'react-i18next';

export type MoneyJson = { amountMinor: string; currency: string };

/** Money from the API formatted for the reader's language; never through a float. */
export function useMoneyFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return {
    json: (value: MoneyJson | null | undefined): string => (value ? formatMoney(moneyFromJson(value), locale) : '—'),
    money: (value: Money): string => formatMoney(value, locale),
    minor: (amountMinor: bigint, currency: string): string =>
      isCurrency(currency) ? formatMoney({ amountMinor, currency }, locale) : `${amountMinor} ${currency}`,
  };
}

/** A typed major-unit amount ("58.00") as minor units, or null when it is not a valid amount. */
export function parseAmountMinor(input: string, currency: string): bigint | null {
  const text = input.trim();
  if (!text || !isCurrency(currency)) return text ? null : 0n;
  try {
    return parseMoney(text, currency as CurrencyCode).amountMinor;
  } catch {
    return null;
  }
}

/** Major-unit text of an API money value, for putting back into an input. */
export function moneyInputValue(value: MoneyJson | null | undefined): string {
  if (!value) return '';
  return toDecimalString(moneyFromJson(value));
}
