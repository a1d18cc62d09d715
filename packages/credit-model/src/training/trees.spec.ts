import { seededRandom } from './random';
import { type BinTree, type BinnedFeature, type BoostingOptions, MISSING, binTreeValue, boostedLogits, fitBoostedTrees } from './trees';

/** How each split on feature 0 handles missing values, over all trees. */
function missingSidesOfFeature0(trees: readonly BinTree[]): Set<string> {
  const walk = (node: BinTree): string[] =>
    node.leaf ? [] : [...(node.feature === 0 ? [node.missing] : []), ...walk(node.left), ...walk(node.right)];
  return new Set(trees.flatMap(walk));
}

const options: BoostingOptions = { trees: 60, depth: 3, learningRate: 0.1, l2: 1, minChildWeight: 1, minMissingWeight: 30, rowSample: 0.8, seed: 3 };

/** Two binned ratios; the risk truly rises with x0 but is U-shaped in x1. */
function data(n: number, seed: number, missingShare = 0) {
  const random = seededRandom(seed);
  const x0 = new Int32Array(n);
  const x1 = new Int32Array(n);
  const labels: (0 | 1)[] = [];
  for (let i = 0; i < n; i++) {
    x0[i] = Math.floor(random() * 10);
    x1[i] = Math.floor(random() * 10);
    const logit = -3 + 0.4 * x0[i] + 0.15 * (x1[i] - 4.5) ** 2;
    labels.push(random() < 1 / (1 + Math.exp(-logit)) ? 1 : 0);
    if (random() < missingShare) x0[i] = MISSING;
  }
  return { x0, x1, labels };
}

describe('fitBoostedTrees', () => {
  it('learns the risk and stays monotone even where the data is not', () => {
    const { x0, x1, labels } = data(3000, 1);
    const features: BinnedFeature[] = [
      { bins: x0, binCount: 10, monotone: 1, missing: 'learned' },
      { bins: x1, binCount: 10, monotone: -1, missing: 'learned' },
    ];
    const model = fitBoostedTrees(features, labels, options);
    expect(model.trees).toHaveLength(60);
    const at = (b0: number, b1: number) => model.trees.reduce((s, t) => s + binTreeValue(t, (f) => (f === 0 ? b0 : b1)), model.base);
    for (let b1 = 0; b1 < 10; b1++) for (let b0 = 1; b0 < 10; b0++) expect(at(b0, b1)).toBeGreaterThanOrEqual(at(b0 - 1, b1) - 1e-12);
    for (let b0 = 0; b0 < 10; b0++) for (let b1 = 1; b1 < 10; b1++) expect(at(b0, b1)).toBeLessThanOrEqual(at(b0, b1 - 1) + 1e-12);
    // It did learn the rising risk in x0.
    expect(at(9, 5) - at(0, 5)).toBeGreaterThan(1.5);
  });

  it('averages a neutral missing ratio over both sides, and is deterministic', () => {
    const { x0, x1, labels } = data(2000, 2, 0.2);
    const features: BinnedFeature[] = [
      { bins: x0, binCount: 10, monotone: 1, missing: 'neutral' },
      { bins: x1, binCount: 10, monotone: -1, missing: 'learned' },
    ];
    const model = fitBoostedTrees(features, labels, options);
    expect(missingSidesOfFeature0(model.trees)).toEqual(new Set(['average']));
    expect(Array.from(boostedLogits(fitBoostedTrees(features, labels, options), features, 50))).toEqual(
      Array.from(boostedLogits(model, features, 50)),
    );
  });

  it('learns where missing values go only with enough of them', () => {
    const { x0, x1, labels } = data(2000, 4, 0.004);
    const features: BinnedFeature[] = [
      { bins: x0, binCount: 10, monotone: 1, missing: 'learned' },
      { bins: x1, binCount: 10, monotone: -1, missing: 'learned' },
    ];
    const model = fitBoostedTrees(features, labels, options);
    expect(missingSidesOfFeature0(model.trees)).toEqual(new Set(['average']));
  });
});
