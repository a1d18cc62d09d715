import fc from 'fast-check';
import { CURRENCIES } from './currency';
import { formatMoney } from './format';
import { money, toDecimalString } from './money';

describe('formatMoney', () => {
  it.each([
    [money(123456n, 'USD'), 'en', '$1,234.56'],
    [money(-5n, 'USD'), 'en', '-$0.05'],
    [money(100n, 'USD'), 'en', '$1.00'],
    [money(1234n, 'JPY'), 'en', '¥1,234'],
    [money(1234n, 'KWD'), 'en', 'KWD 1.234'],
    [money(123450n, 'EUR'), 'de-DE', '1.234,50 €'],
  ] as const)('%p in %s -> %s', (m, locale, expected) => {
    // ICU separates some symbols with non-breaking spaces; compare on normalised whitespace.
    expect(formatMoney(m, locale).replace(/\s/g, ' ')).toBe(expected);
  });

  it('defaults to English', () => {
    expect(formatMoney(money(1999n, 'GBP'))).toBe('£19.99');
  });

  it('formats 9007199254740993 minor units exactly (beyond 2^53)', () => {
    expect(formatMoney(money(9007199254740993n, 'USD'))).toBe('$90,071,992,547,409.93');
    expect(formatMoney(money(9007199254740993n, 'JPY'))).toBe('¥9,007,199,254,740,993');
    expect(formatMoney(money(-123456789012345678901234567n, 'USD'))).toBe('-$1,234,567,890,123,456,789,012,345.67');
  });

  it('passes display options through', () => {
    expect(formatMoney(money(-500n, 'USD'), 'en', { currencySign: 'accounting' })).toBe('($5.00)');
    expect(formatMoney(money(500n, 'USD'), 'en', { currencyDisplay: 'code', useGrouping: false }).replace(/\s/g, ' ')).toBe('USD 5.00');
  });

  it('shows every digit of every amount in every currency', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n }), fc.constantFrom(...CURRENCIES), (minor, currency) => {
        const m = money(minor, currency);
        const digitsOnly = (s: string) => s.replace(/\D/g, '').replace(/^0+(?=\d)/, '');
        const formatted = formatMoney(m, 'en', { currencyDisplay: 'code' }).replace(currency, '');
        expect(digitsOnly(formatted)).toBe(digitsOnly(toDecimalString(m)));
      }),
    );
  });
});
