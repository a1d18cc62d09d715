import { currencyName, regionName } from '../../lib/format';

// Currencies small businesses in our markets use most; any ISO 4217 code is valid to the API.
export const CURRENCIES = [
  'USD', 'EUR', 'GBP', 'CNY', 'HKD', 'TWD', 'JPY', 'KRW', 'SGD', 'MYR', 'THB', 'IDR', 'PHP', 'VND',
  'INR', 'AUD', 'NZD', 'CAD', 'MXN', 'BRL', 'CHF', 'AED', 'SAR', 'ZAR', 'KES', 'NGN', 'GHS', 'EGP',
] as const;

// Country → its usual currency, used to suggest a base currency once a country is picked.
const COUNTRY_CURRENCY: Record<string, string> = {
  US: 'USD', GB: 'GBP', CN: 'CNY', HK: 'HKD', TW: 'TWD', JP: 'JPY', KR: 'KRW', SG: 'SGD', MY: 'MYR',
  TH: 'THB', ID: 'IDR', PH: 'PHP', VN: 'VND', IN: 'INR', AU: 'AUD', NZ: 'NZD', CA: 'CAD', MX: 'MXN',
  BR: 'BRL', CH: 'CHF', AE: 'AED', SA: 'SAR', ZA: 'ZAR', KE: 'KES', NG: 'NGN', GH: 'GHS', EG: 'EGP',
  DE: 'EUR', FR: 'EUR', ES: 'EUR', IT: 'EUR', NL: 'EUR', IE: 'EUR', PT: 'EUR', BE: 'EUR', AT: 'EUR',
  FI: 'EUR', GR: 'EUR',
};

export const COUNTRIES = Object.keys(COUNTRY_CURRENCY);

export function currencyForCountry(country: string): string | undefined {
  return COUNTRY_CURRENCY[country];
}

export function currencyOptions(locale: string) {
  return CURRENCIES.map((code) => ({ value: code, label: `${code} · ${currencyName(code, locale)}` }));
}

export function countryOptions(locale: string, noneLabel: string, current?: string | null) {
  const codes = current && !COUNTRIES.includes(current) ? [...COUNTRIES, current] : COUNTRIES;
  const options = codes
    .map((code) => ({ value: code, label: regionName(code, locale) }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
  return [{ value: '', label: noneLabel }, ...options];
}

export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

export function timeZoneOptions(current?: string | null) {
  let zones: string[];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = [];
  }
  const all = new Set(zones);
  all.add('UTC');
  if (current) all.add(current);
  return [...all].sort().map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') }));
}

/** The region of the browser's language tag ("en-GB" → "GB"), if it is one we list. */
export function browserCountry(): string {
  const tags = typeof navigator === 'undefined' ? [] : navigator.languages;
  for (const tag of tags) {
    try {
      const region = new Intl.Locale(tag).maximize().region;
      if (region && COUNTRIES.includes(region)) return region;
    } catch {
      // Malformed tag: try the next one.
    }
  }
  return '';
}
