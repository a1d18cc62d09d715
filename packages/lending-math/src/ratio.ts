import { parseDecimal, roundDiv, type RoundingMode } from '@keeper/money';

/** An exact fraction num/den with den > 0: day-count fractions, periodic rates, percentages. */
export interface Ratio {
  readonly num: bigint;
  readonly den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function ratio(num: bigint | number, den: bigint | number = 1n): Ratio {
  let n = BigInt(num);
  let d = BigInt(den);
  if (d === 0n) throw new RangeError('ratio with a zero denominator');
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d);
  return g > 1n ? { num: n / g, den: d / g } : { num: n, den: d };
}

export function ratioFromDecimal(input: string): Ratio {
  const { coefficient, scale } = parseDecimal(input);
  return ratio(coefficient, 10n ** BigInt(scale));
}

export const mulRatio = (a: Ratio, b: Ratio): Ratio => ratio(a.num * b.num, a.den * b.den);
export const addRatio = (a: Ratio, b: Ratio): Ratio => ratio(a.num * b.den + b.num * a.den, a.den * b.den);
export const subRatio = (a: Ratio, b: Ratio): Ratio => ratio(a.num * b.den - b.num * a.den, a.den * b.den);
export const divRatio = (a: Ratio, b: Ratio): Ratio => ratio(a.num * b.den, a.den * b.num);
export const compareRatio = (a: Ratio, b: Ratio): number => {
  const diff = a.num * b.den - b.num * a.den;
  return diff === 0n ? 0 : diff < 0n ? -1 : 1;
};

/** An integer amount (minor units) times a ratio, rounded once. */
export function scaleRound(amount: bigint, by: Ratio, mode: RoundingMode): bigint {
  return roundDiv(amount * by.num, by.den, mode);
}

export function roundRatio(value: Ratio, mode: RoundingMode): bigint {
  return roundDiv(value.num, value.den, mode);
}
