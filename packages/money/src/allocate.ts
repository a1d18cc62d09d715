import { parseDecimalOrThrow, pow10 } from './decimal';
import { MoneyError } from './errors';
import { money, type Money } from './money';

export type Ratio = bigint | number | string;

/** Brings every ratio to one common decimal scale so they can be compared as integers. */
function ratioWeights(ratios: readonly Ratio[]): bigint[] {
  const decimals = ratios.map((ratio) => {
    if (typeof ratio === 'bigint') return { coefficient: ratio, scale: 0 };
    if (typeof ratio === 'number') {
      if (!Number.isSafeInteger(ratio)) {
        throw new MoneyError('INVALID_RATIO', `Numeric ratio ${ratio} must be a safe integer; pass fractions as strings like "0.25"`);
      }
      return { coefficient: BigInt(ratio), scale: 0 };
    }
    return parseDecimalOrThrow(ratio, 'INVALID_RATIO', 'ratio');
  });
  const scale = decimals.reduce((acc, d) => Math.max(acc, d.scale), 0);
  return decimals.map((d) => {
    if (d.coefficient < 0n) throw new MoneyError('INVALID_RATIO', 'Ratios must not be negative');
    return d.coefficient * pow10(scale - d.scale);
  });
}

/**
 * Splits m by ratios using the largest-remainder method: each part gets floor(total × w / W), and
 * the leftover units go one each to the parts with the largest remainders (earlier index wins ties).
 * Parts always sum exactly to m. Negative totals are split as the mirror image of the positive case.
 */
export function allocate(m: Money, ratios: readonly Ratio[]): Money[] {
  if (ratios.length === 0) throw new MoneyError('INVALID_RATIO', 'allocate needs at least one ratio');
  const weights = ratioWeights(ratios);
  const totalWeight = weights.reduce((acc, w) => acc + w, 0n);
  if (totalWeight === 0n) throw new MoneyError('INVALID_RATIO', 'allocate needs at least one non-zero ratio');

  const negative = m.amountMinor < 0n;
  const total = negative ? -m.amountMinor : m.amountMinor;
  const parts = weights.map((w) => (total * w) / totalWeight);
  const remainders = weights.map((w) => (total * w) % totalWeight);
  let leftover = total - parts.reduce((acc, p) => acc + p, 0n);

  // leftover × W = Σ remainders and each remainder < W, so more than `leftover` parts have a
  // non-zero remainder: the loop never hands a unit to a zero-remainder (e.g. zero-ratio) part.
  const order = weights.map((_, i) => i).sort((a, b) => {
    if (remainders[a] === remainders[b]) return a - b;
    return remainders[a] > remainders[b] ? -1 : 1;
  });
  for (let k = 0; leftover > 0n; k++, leftover--) parts[order[k]] += 1n;

  return parts.map((p) => money(negative ? -p : p, m.currency));
}

/** n parts differing by at most one minor unit; the larger parts come first. */
export function allocateEvenly(m: Money, n: number): Money[] {
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new MoneyError('INVALID_ARGUMENT', `allocateEvenly needs a positive integer part count, got ${n}`);
  }
  return allocate(m, new Array<bigint>(n).fill(1n));
}
