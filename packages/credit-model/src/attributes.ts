/** The 64 ratio columns of the training data (UCI "Polish companies bankruptcy"), attr1 … attr64. */
export const ATTR_KEYS = Array.from({ length: 64 }, (_, i) => `attr${i + 1}` as AttrKey);
export type AttrKey = `attr${number}`;

export function isAttrKey(key: string): key is AttrKey {
  const m = /^attr([1-9]\d?)$/.exec(key);
  return m !== null && Number(m[1]) <= 64;
}

/** A business's ratios by column; null or absent is a missing value (see ratioValue). */
export type Ratios = Partial<Record<AttrKey, number | null>>;

/**
 * A ratio as the model reads it: null, undefined and NaN (0/0) are missing; ±Infinity (a zero
 * denominator under a non-zero numerator, e.g. current assets with no short-term liabilities) is
 * an extreme value beyond every threshold, not a missing one.
 */
export function ratioValue(v: number | null | undefined): number | null {
  return typeof v === 'number' && !Number.isNaN(v) ? v : null;
}
