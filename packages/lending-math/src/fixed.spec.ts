import { exp, fixedFromDecimal, fixedFromRatio, ln, ONE, pow, powInt, toDecimalString, toPercentString } from './fixed';

describe('fixed-point reals', () => {
  // Reference digits: ln 2, e and √2 to 30 places (OEIS A002162, A001113, A002193).
  it('computes ln, exp and real powers to 30 places', () => {
    expect(toDecimalString(ln(2n * ONE), 30)).toBe('0.693147180559945309417232121458');
    expect(toDecimalString(exp(ONE), 30)).toBe('2.718281828459045235360287471353');
    expect(toDecimalString(pow(2n * ONE, fixedFromRatio(1n, 2n)), 30)).toBe('1.414213562373095048801688724210');
    expect(toDecimalString(exp(ln(fixedFromDecimal('1.1296204'))), 30)).toBe('1.129620400000000000000000000000');
    expect(toDecimalString(exp(-3n * ONE), 20)).toBe('0.04978706836786394298');
  });

  it('raises to whole powers exactly where the result is exact', () => {
    expect(powInt(fixedFromDecimal('1.01'), 12)).toBe(fixedFromDecimal('1.126825030131969720661201'));
    expect(toDecimalString(powInt(2n * ONE, -3), 3)).toBe('0.125');
  });

  it('rounds percentages half-up', () => {
    expect(toPercentString(fixedFromDecimal('0.096949'), 2)).toBe('9.69');
    expect(toPercentString(fixedFromDecimal('0.09695'), 2)).toBe('9.70');
    expect(toPercentString(fixedFromDecimal('-0.09695'), 2)).toBe('-9.70');
  });

  it('refuses ln of zero', () => {
    expect(() => ln(0n)).toThrow(RangeError);
  });
});
