import fc from 'fast-check';
import { decimalToString, parseDecimal } from './decimal';

describe('parseDecimal', () => {
  it.each([
    ['1.5', 15n, 1],
    ['-0.0825', -825n, 4],
    ['3', 3n, 0],
    ['+7.10', 710n, 2],
    ['0', 0n, 0],
    ['-0.00', 0n, 2],
    ['123456789012345678901234567890.123', 123456789012345678901234567890123n, 3],
  ])('%s -> %s / 10^%i', (input, coefficient, scale) => {
    expect(parseDecimal(input)).toEqual({ coefficient, scale });
  });

  it.each(['', ' 1', '1 ', '.5', '1.', '1e3', '1,000', '0x10', 'NaN', 'Infinity', '--1', '1.2.3', '١٢'])(
    'rejects %p',
    (input) => {
      expect(() => parseDecimal(input)).toThrow(expect.objectContaining({ code: 'INVALID_DECIMAL' }));
    },
  );

  it('rejects non-strings at runtime', () => {
    expect(() => parseDecimal(1.5 as unknown as string)).toThrow(expect.objectContaining({ code: 'INVALID_DECIMAL' }));
  });
});

describe('decimalToString', () => {
  it.each([
    [{ coefficient: 123456n, scale: 2 }, '1234.56'],
    [{ coefficient: -5n, scale: 2 }, '-0.05'],
    [{ coefficient: 5n, scale: 3 }, '0.005'],
    [{ coefficient: 1234n, scale: 0 }, '1234'],
    [{ coefficient: 0n, scale: 2 }, '0.00'],
  ])('%p -> %s', (decimal, expected) => {
    expect(decimalToString(decimal)).toBe(expected);
  });

  it('round-trips through parseDecimal', () => {
    fc.assert(
      fc.property(fc.bigInt(), fc.integer({ min: 0, max: 20 }), (coefficient, scale) => {
        expect(parseDecimal(decimalToString({ coefficient, scale }))).toEqual({ coefficient, scale });
      }),
    );
  });
});
