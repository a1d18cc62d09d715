import { type ModelNode, expectedValue, isLeaf } from './model';
import { treeContributions, treeValue } from './shap';
import { seededRandom } from './training/random';

/** E[f | x_S] with features outside S averaged over by cover: the game TreeSHAP solves. */
function conditional(node: ModelNode, x: readonly (number | null)[], inS: (f: number) => boolean): number {
  if (isLeaf(node)) return node.value;
  const avg = () =>
    (node.left.cover * conditional(node.left, x, inS) + node.right.cover * conditional(node.right, x, inS)) /
    (node.left.cover + node.right.cover);
  if (!inS(node.feature)) return avg();
  const v = x[node.feature];
  if (v === null) return node.missing === 'average' ? avg() : conditional(node.missing === 'left' ? node.left : node.right, x, inS);
  return conditional(v <= node.threshold ? node.left : node.right, x, inS);
}

function bruteForceShapley(tree: ModelNode, x: readonly (number | null)[], m: number): number[] {
  const factorial = (k: number): number => (k <= 1 ? 1 : k * factorial(k - 1));
  const phi = new Array<number>(m).fill(0);
  for (let j = 0; j < m; j++) {
    for (let mask = 0; mask < 1 << m; mask++) {
      if (mask & (1 << j)) continue;
      const size = [...Array(m).keys()].filter((f) => mask & (1 << f)).length;
      const weight = (factorial(size) * factorial(m - size - 1)) / factorial(m);
      const withJ = conditional(tree, x, (f) => (mask | (1 << j)) & (1 << f) ? true : false);
      const without = conditional(tree, x, (f) => (mask & (1 << f) ? true : false));
      phi[j] += weight * (withJ - without);
    }
  }
  return phi;
}

function randomTree(random: () => number, depth: number, cover: number, features: number): ModelNode {
  if (depth === 0 || random() < 0.15) return { value: random() * 2 - 1, cover };
  const share = 0.1 + 0.8 * random();
  const r = random();
  return {
    feature: Math.floor(random() * features),
    threshold: Math.round(random() * 10),
    missing: r < 0.33 ? 'left' : r < 0.66 ? 'right' : 'average',
    cover,
    left: randomTree(random, depth - 1, cover * share, features),
    right: randomTree(random, depth - 1, cover * (1 - share), features),
  };
}

describe('TreeSHAP', () => {
  it('equals the Shapley values of the cover-weighted game on random trees (repeated features, missing values)', () => {
    const random = seededRandom(42);
    const m = 4;
    for (let trial = 0; trial < 300; trial++) {
      const tree = randomTree(random, 1 + Math.floor(random() * 4), 100, m);
      const x = Array.from({ length: m }, () => (random() < 0.2 ? null : Math.round(random() * 10)));
      const phi = new Float64Array(m);
      treeContributions(tree, (f) => x[f], phi);
      const expected = bruteForceShapley(tree, x, m);
      expected.forEach((e, j) => expect(phi[j]).toBeCloseTo(e, 10));
      // Local accuracy: from the tree's average to its value for the row.
      expect(phi.reduce((s, p) => s + p, 0)).toBeCloseTo(treeValue(tree, (f) => x[f]) - expectedValue(tree), 10);
    }
  });

  it('gives a ratio that is missing and averaged over no contribution', () => {
    const tree: ModelNode = {
      feature: 0,
      threshold: 1,
      missing: 'average',
      cover: 10,
      left: { value: -1, cover: 4 },
      right: { feature: 1, threshold: 0, missing: 'left', cover: 6, left: { value: 2, cover: 3 }, right: { value: 0, cover: 3 } },
    };
    const phi = new Float64Array(2);
    treeContributions(tree, (f) => (f === 0 ? null : 5), phi);
    expect(phi[0]).toBe(0);
    // Only feature 1 is known: it moves the tree from its average (0.2) to 0.4·(−1) + 0.6·0.
    expect(phi[1]).toBeCloseTo(-0.4 - expectedValue(tree), 12);
  });
});
