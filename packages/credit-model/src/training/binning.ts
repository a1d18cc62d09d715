/**
 * Cut points for a ratio: bin b holds the values x with cuts[b-1] < x <= cuts[b]; the last bin
 * everything above the last cut. Ratios have heavy tails, so bins are by rank (quantiles), which
 * no outlier can move.
 */
export function quantileCuts(values: readonly number[], bins: number, minCount: number): number[] {
  const sorted = values.slice().sort((a, b) => a - b);
  const n = sorted.length;
  const cuts: number[] = [];
  let lastIndex = -1;
  for (let b = 1; b < bins; b++) {
    const index = Math.floor((b * n) / bins) - 1;
    if (index < 0) continue;
    let cut = sorted[index];
    // Put all ties of the cut value on its left, so equal values share a bin.
    let end = index;
    while (end + 1 < n && sorted[end + 1] === cut) end++;
    if (end - lastIndex < minCount || n - 1 - end < minCount) continue;
    if (cuts.length > 0 && cut <= cuts[cuts.length - 1]) continue;
    cut = sorted[end];
    cuts.push(cut);
    lastIndex = end;
  }
  return cuts;
}

/** The bin of x for the given cuts (binary search); see quantileCuts for the convention. */
export function binOf(x: number, cuts: readonly number[]): number {
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (x <= cuts[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
