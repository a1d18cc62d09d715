import fc from 'fast-check';
import { CURRENCIES, currencyExponent } from './currency';
import { MoneyError } from './errors';
import { money, moneyFromJson, moneyToJson, parseMoney, toDecimalString, zero } from './money';

describe('money()', () => {
  it('accepts bigints and safe integer numbers', () => {
    expect(money(123n, 'USD')).toEqual({ amountMinor: 123n, currency: 'USD' });
    expect(money(-5, 'JPY')).toEqual({ amountMinor: -5n, currency: 'JPY' });
    expect(money(-0, 'EUR').amountMinor).toBe(0n);
  });

  it.each([1.5, NaN, Infinity, 2 ** 53, '12'])('rejects amount %p', (amount) => {
    expect(() => money(amount as number, 'USD')).toThrow(expect.objectContaining({ code: 'INVALID_AMOUNT' }));
  });

  it('rejects unknown currencies at runtime', () => {
    expect(() => money(1n, 'XYZ' as 'USD')).toThrow(expect.objectContaining({ code: 'UNKNOWN_CURRENCY' }));
  });

  it('returns frozen values', () => {
    expect(Object.isFrozen(money(1n, 'USD'))).toBe(true);
    expect(zero('KWD')).toEqual({ amountMinor: 0n, currency: 'KWD' });
  });
});

describe('parseMoney', () => {
  it.each([
    ['1234.56', 'USD', 123456n],
    ['-0.05', 'USD', -5n],
    ['12', 'USD', 1200n],
    ['12.5', 'EUR', 1250n],
    ['1234', 'JPY', 1234n],
    ['100.00', 'JPY', 100n],
    ['1.230', 'USD', 123n],
    ['1.234', 'KWD', 1234n],
    ['90071992547409.93', 'USD', 9007199254740993n],
  ] as const)('%s %s -> %s', (input, currency, minor) => {
    expect(parseMoney(input, currency)).toEqual(money(minor, currency));
  });

  it.each([
    ['1.234', 'USD'],
    ['0.001', 'EUR'],
    ['1.5', 'JPY'],
    ['1.2345', 'BHD'],
  ] as const)('refuses to silently round %s %s', (input, currency) => {
    expect(() => parseMoney(input, currency)).toThrow(expect.objectContaining({ code: 'PRECISION_EXCEEDED' }));
  });

  it.each([
    ['1.235', 'half-even', 124n],
    ['1.245', 'half-even', 124n],
    ['1.245', 'half-up', 125n],
    ['-1.245', 'half-up', -125n],
    ['1.239', 'down', 123n],
    ['-1.231', 'floor', -124n],
  ] as const)('rounds %s with %s when asked', (input, mode, minor) => {
    expect(parseMoney(input, 'USD', mode).amountMinor).toBe(minor);
  });

  it.each(['', 'abc', '1,234.56', '$12', '1e2', ' 12', '12.'])('rejects junk %p with a clear error', (input) => {
    let error: unknown;
    try {
      parseMoney(input, 'USD');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MoneyError);
    expect(error).toMatchObject({ code: 'INVALID_AMOUNT', message: expect.stringContaining(JSON.stringify(input)) });
  });
});

describe('toDecimalString', () => {
  it.each([
    [123456n, 'USD', '1234.56'],
    [-5n, 'USD', '-0.05'],
    [0n, 'USD', '0.00'],
    [1234n, 'JPY', '1234'],
    [-1n, 'KWD', '-0.001'],
  ] as const)('%s %s -> %s', (minor, currency, expected) => {
    expect(toDecimalString(money(minor, currency))).toBe(expected);
  });

  it('round-trips through parseMoney for every currency', () => {
    fc.assert(
      fc.property(fc.bigInt(), fc.constantFrom(...CURRENCIES), (minor, currency) => {
        const m = money(minor, currency);
        const text = toDecimalString(m);
        expect(parseMoney(text, currency)).toEqual(m);
        expect(text.split('.')[1]?.length ?? 0).toBe(currencyExponent(currency));
      }),
    );
  });
});

describe('JSON helpers', () => {
  it('serialises the amount as a string', () => {
    const json = moneyToJson(money(9007199254740993n, 'USD'));
    expect(json).toEqual({ amountMinor: '9007199254740993', currency: 'USD' });
    expect(JSON.stringify(json)).toBe('{"amountMinor":"9007199254740993","currency":"USD"}');
  });

  it('round-trips through JSON text for any amount and currency', () => {
    fc.assert(
      fc.property(fc.bigInt(), fc.constantFrom(...CURRENCIES), (minor, currency) => {
        const m = money(minor, currency);
        expect(moneyFromJson(JSON.parse(JSON.stringify(moneyToJson(m))))).toEqual(m);
      }),
    );
  });

  it.each([
    [null, 'INVALID_AMOUNT'],
    ['12', 'INVALID_AMOUNT'],
    [{ amountMinor: 12, currency: 'USD' }, 'INVALID_AMOUNT'],
    [{ amountMinor: '1.5', currency: 'USD' }, 'INVALID_AMOUNT'],
    [{ amountMinor: '', currency: 'USD' }, 'INVALID_AMOUNT'],
    [{ amountMinor: '12', currency: 'usd' }, 'UNKNOWN_CURRENCY'],
    [{ amountMinor: '12' }, 'UNKNOWN_CURRENCY'],
  ])('rejects %p', (json, code) => {
    expect(() => moneyFromJson(json)).toThrow(expect.objectContaining({ code }));
  });
});
