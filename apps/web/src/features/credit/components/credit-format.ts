import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/format';

export type RatioUnit = 'percent' | 'days' | 'times';
export type RatioValue = { value: number | null; limit: 'infinity' | '-infinity' | null };

/** A ratio's name as a heading: its first letter capitalised (the model words them in lower case). */
export const asHeading = (name: string) => name.charAt(0).toLocaleUpperCase() + name.slice(1);

/** The stem of a reason code ("RECEIVABLE_DAYS_HIGH" → "RECEIVABLE_DAYS"). */
export const codeStem = (code: string) => code.replace(/_(LOW|HIGH|MISSING)$/, '');

/**
 * Numbers of the credit profile in the reader's language: ratios by their unit (a share as a
 * percentage, days of sales, a multiple), shares, the probability of default. Ratios are unitless
 * numbers, not money, so Intl formats them directly.
 */
export function useCreditFormat() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const formatters = useFormatters();
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const fine = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2, minimumFractionDigits: 1 });
  const twoDecimals = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });

  const number = (value: number, unit: RatioUnit) => {
    if (unit === 'percent') return percent.format(value);
    if (unit === 'days') return t('credit.value.days', { value: whole.format(value) });
    return t('credit.value.times', { value: twoDecimals.format(value) });
  };

  return {
    number,
    ratio: (r: RatioValue, unit: RatioUnit) => {
      if (r.limit === 'infinity') return t('credit.value.infinity');
      if (r.limit === '-infinity') return t('credit.value.negativeInfinity');
      if (r.value === null) return t('credit.value.missing');
      return number(r.value, unit);
    },
    share: (v: number | null | undefined) => (v === null || v === undefined ? t('credit.figures.none') : percent.format(v)),
    pd: (v: number) => fine.format(v),
    /** "1 in 47": how many businesses with this probability for one that does not repay. */
    oneIn: (v: number) => whole.format(Math.max(1, Math.round(1 / v))),
    whole: (v: number) => whole.format(v),
    points: (v: number) => whole.format(Math.abs(v)),
    /** A calendar day from the API ("2026-11-23") without a time zone shift. */
    day: (iso: string) => formatters.date(`${iso}T00:00:00`),
    dateTime: formatters.dateTime,
  };
}
