/** mulberry32: a small seeded generator, so that folds and results are the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * Stratified k-fold assignment: each class is shuffled and dealt round-robin, so every fold gets
 * the same share of bankrupt companies (to within one). Returns the fold of each row.
 */
export function stratifiedFolds(labels: readonly (0 | 1)[], k: number, seed: number): number[] {
  const random = seededRandom(seed);
  const fold = new Array<number>(labels.length).fill(-1);
  let next = 0;
  for (const cls of [1, 0] as const) {
    const members = shuffled(
      labels.flatMap((y, i) => (y === cls ? [i] : [])),
      random,
    );
    for (const i of members) {
      fold[i] = next;
      next = (next + 1) % k;
    }
  }
  return fold;
}
