import { CURRENCIES, assertCurrency, currencyExponent, isCurrency } from './currency';

describe('currency table', () => {
  const required = `USD EUR GBP CNY JPY KRW HKD SGD TWD INR IDR MYR THB VND PHP AUD NZD CAD CHF SEK NOK DKK
    PLN CZK HUF RON BGN TRY ZAR NGN KES EGP BRL MXN ARS CLP COP PEN AED SAR ILS RUB UAH`.split(/\s+/);

  it.each(required)('knows %s', (code) => {
    expect(isCurrency(code)).toBe(true);
    expect(CURRENCIES).toContain(code);
  });

  it.each([
    ['USD', 2], ['EUR', 2], ['JPY', 0], ['KRW', 0], ['CLP', 0], ['VND', 0], ['ISK', 0],
    ['BHD', 3], ['KWD', 3], ['JOD', 3], ['OMR', 3], ['TND', 3], ['LYD', 3], ['IQD', 3],
  ])('%s has exponent %i', (code, exponent) => {
    expect(currencyExponent(code)).toBe(exponent);
  });

  it('lists each code once, sorted, as three upper-case letters', () => {
    expect(new Set(CURRENCIES).size).toBe(CURRENCIES.length);
    expect([...CURRENCIES].sort()).toEqual(CURRENCIES);
    for (const code of CURRENCIES) expect(code).toMatch(/^[A-Z]{3}$/);
  });

  it('agrees with Intl (CLDR) that every code is a real currency, catching typos', () => {
    const known = new Set(Intl.supportedValuesOf('currency'));
    const newerThanCldr = new Set(['VED']); // ISO 4217 since 2021, not yet in ICU 78
    expect(CURRENCIES.filter((code) => !known.has(code) && !newerThanCldr.has(code))).toEqual([]);
  });

  it.each(['usd', 'XXX', 'XAU', '', 'toString', '__proto__', 42, null])('rejects %p', (code) => {
    expect(isCurrency(code)).toBe(false);
    expect(() => assertCurrency(code)).toThrow(expect.objectContaining({ code: 'UNKNOWN_CURRENCY' }));
  });

  it('currencyExponent throws for unknown codes', () => {
    expect(() => currencyExponent('ABC')).toThrow(expect.objectContaining({ code: 'UNKNOWN_CURRENCY' }));
  });
});
