import { decimalToString, parseDecimal, roundDiv, type RoundingMode } from '@keeper/money';

/**
 * High-precision fixed-point reals for the rate solvers: a bigint counting units of 10^-40.
 * Money never passes through here as a float; amounts enter exactly (a decimal string or a ratio of
 * integers) and the only inexact steps are the 40th-digit roundings of products, quotients and the
 * ln/exp series, each far below the 1/100 of a percentage point the regulations ask for.
 */
export type Fixed = bigint;

export const DIGITS = 40;
export const ONE: Fixed = 10n ** BigInt(DIGITS);

export function fixedFromRatio(numerator: bigint, denominator: bigint): Fixed {
  return roundDiv(numerator * ONE, denominator, 'half-even');
}

export function fixedFromDecimal(input: string): Fixed {
  const { coefficient, scale } = parseDecimal(input);
  return fixedFromRatio(coefficient, 10n ** BigInt(scale));
}

export function mul(a: Fixed, b: Fixed): Fixed {
  return roundDiv(a * b, ONE, 'half-even');
}

export function div(a: Fixed, b: Fixed): Fixed {
  return roundDiv(a * ONE, b, 'half-even');
}

/** a^n for a whole n, by repeated squaring. */
export function powInt(a: Fixed, n: number): Fixed {
  if (!Number.isSafeInteger(n)) throw new RangeError(`powInt needs a whole exponent, got ${n}`);
  if (n < 0) return div(ONE, powInt(a, -n));
  let result = ONE;
  let base = a;
  for (let e = n; e > 0; e = Math.floor(e / 2)) {
    if (e % 2 === 1) result = mul(result, base);
    if (e > 1) base = mul(base, base);
  }
  return result;
}

/** 2·atanh(z) = ln((1+z)/(1-z)), the series behind ln; converges fast for |z| ≤ 1/3. */
function twiceAtanh(z: Fixed): Fixed {
  const z2 = mul(z, z);
  let term = z;
  let sum = 0n;
  for (let k = 1n; term !== 0n; k += 2n) {
    sum += term / k;
    term = mul(term, z2);
  }
  return 2n * sum;
}

const LN2: Fixed = twiceAtanh(fixedFromRatio(1n, 3n));

/** Natural logarithm of a positive fixed-point number. */
export function ln(x: Fixed): Fixed {
  if (x <= 0n) throw new RangeError('ln of a non-positive number');
  // x = m · 2^k with m in [2/3, 4/3], so z = (m-1)/(m+1) stays within [-1/5, 1/7].
  let k = 0n;
  let m = x;
  const upper = fixedFromRatio(4n, 3n);
  const lower = fixedFromRatio(2n, 3n);
  while (m > upper) {
    m /= 2n;
    k += 1n;
  }
  while (m < lower) {
    m *= 2n;
    k -= 1n;
  }
  return k * LN2 + twiceAtanh(div(m - ONE, m + ONE));
}

/** e^x. */
export function exp(x: Fixed): Fixed {
  // x = k·ln2 + r with |r| ≤ ln2/2; e^r by its Taylor series, then scaled by 2^k.
  const k = roundDiv(x, LN2, 'half-even');
  const r = x - k * LN2;
  let term = ONE;
  let sum = ONE;
  for (let n = 1n; term !== 0n; n += 1n) {
    term = mul(term, r) / n;
    sum += term;
  }
  if (k >= 0n) return sum * 2n ** k;
  return roundDiv(sum, 2n ** -k, 'half-even');
}

/** x^y for x > 0 and any real y. */
export function pow(x: Fixed, y: Fixed): Fixed {
  return exp(mul(y, ln(x)));
}

/** A rate (0.0969… for 9.69 %) as a percentage string with `decimals` places. */
export function toPercentString(rate: Fixed, decimals: number, mode: RoundingMode = 'half-up'): string {
  const coefficient = roundDiv(rate * 100n * 10n ** BigInt(decimals), ONE, mode);
  return decimalToString({ coefficient, scale: decimals });
}

export function toDecimalString(value: Fixed, decimals: number, mode: RoundingMode = 'half-up'): string {
  const coefficient = roundDiv(value * 10n ** BigInt(decimals), ONE, mode);
  return decimalToString({ coefficient, scale: decimals });
}
