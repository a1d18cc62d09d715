import fc from 'fast-check';
import { money } from './money';
import { convert, multiplyByDecimal, percentageOf } from './multiply';
import { ROUNDING_MODES, roundDiv } from './rounding';

const usd = (minor: bigint) => money(minor, 'USD');

describe('multiplyByDecimal', () => {
  it.each([
    [10000n, '1.0825', 'half-even', 10825n],
    [999n, '1.0825', 'half-even', 1081n], // 1081.4175
    [1n, '0.5', 'half-even', 0n],
    [3n, '0.5', 'half-even', 2n],
    [3n, '0.5', 'half-down', 1n],
    [-3n, '0.5', 'half-up', -2n],
    [-3n, '0.5', 'ceiling', -1n],
    [250n, '-2', 'down', -500n],
    [9007199254740993n, '3', 'down', 27021597764222979n],
  ] as const)('%s × %s (%s) = %s', (minor, factor, mode, expected) => {
    expect(multiplyByDecimal(usd(minor), factor, mode)).toEqual(usd(expected));
  });

  it('accepts a Decimal object and rejects junk', () => {
    expect(multiplyByDecimal(usd(200n), { coefficient: 15n, scale: 1 }, 'down')).toEqual(usd(300n));
    expect(() => multiplyByDecimal(usd(1n), '1,5', 'down')).toThrow(expect.objectContaining({ code: 'INVALID_DECIMAL' }));
    expect(() => multiplyByDecimal(usd(1n), { coefficient: 1n, scale: -1 }, 'down')).toThrow(
      expect.objectContaining({ code: 'INVALID_DECIMAL' }),
    );
  });

  it('equals roundDiv of the exact product for any factor', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
        fc.bigInt({ min: -(10n ** 8n), max: 10n ** 8n }),
        fc.integer({ min: 0, max: 8 }),
        fc.constantFrom(...ROUNDING_MODES),
        (minor, coefficient, scale, mode) => {
          const result = multiplyByDecimal(usd(minor), { coefficient, scale }, mode);
          expect(result.amountMinor).toBe(roundDiv(minor * coefficient, 10n ** BigInt(scale), mode));
        },
      ),
    );
  });
});

describe('percentageOf', () => {
  it.each([
    [10000n, '8.25', 'half-even', 825n],
    [1999n, '8.25', 'half-even', 165n], // 164.9175
    [200n, '0.25', 'half-even', 0n], // 0.5 -> 0
    [600n, '0.25', 'half-even', 2n], // 1.5 -> 2
    [200n, '0.25', 'half-up', 1n],
    [-1999n, '8.25', 'floor', -165n],
    [12345n, '100', 'down', 12345n],
  ] as const)('%s × %s%% (%s) = %s', (minor, percent, mode, expected) => {
    expect(percentageOf(usd(minor), percent, mode)).toEqual(usd(expected));
  });
});

describe('convert', () => {
  it.each([
    [money(100n, 'USD'), '151.23', 'JPY', 'half-even', money(151n, 'JPY')],
    [money(12345n, 'USD'), '151.23', 'JPY', 'half-even', money(18669n, 'JPY')], // 18669.3435
    [money(1000n, 'JPY'), '0.0066', 'USD', 'half-even', money(660n, 'USD')],
    [money(1000n, 'USD'), '0.3075', 'KWD', 'half-even', money(3075n, 'KWD')],
    [money(1000n, 'KWD'), '3.25', 'USD', 'half-even', money(325n, 'USD')],
    [money(-12345n, 'EUR'), '1.085', 'USD', 'half-up', money(-13394n, 'USD')], // -13394.325
    [money(-12345n, 'EUR'), '1.085', 'USD', 'floor', money(-13395n, 'USD')],
  ] as const)('%p at %s to %s (%s)', (from, rate, to, mode, expected) => {
    expect(convert(from, rate, to, mode)).toEqual(expected);
  });

  it.each(['0', '-1.2', 'abc'])('rejects rate %p', (rate) => {
    expect(() => convert(usd(100n), rate, 'EUR', 'half-even')).toThrow(
      expect.objectContaining({ code: expect.stringMatching(/^INVALID_(RATE|DECIMAL)$/) }),
    );
  });

  it('rejects an unknown target currency', () => {
    expect(() => convert(usd(100n), '1', 'ABC' as 'EUR', 'down')).toThrow(expect.objectContaining({ code: 'UNKNOWN_CURRENCY' }));
  });

  it('round-trips within one minor unit when exponents match and the rate is 1/x exact', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }), (minor) => {
        const eur = convert(usd(minor), '0.8', 'EUR', 'half-even');
        const back = convert(eur, '1.25', 'USD', 'half-even');
        const drift = back.amountMinor - minor;
        expect(drift <= 1n && drift >= -1n).toBe(true);
      }),
    );
  });
});
