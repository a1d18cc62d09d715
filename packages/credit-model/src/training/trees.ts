import { seededRandom } from './random';

/**
 * Gradient-boosted regression trees on the logistic loss over binned ratios, with monotone
 * constraints in the manner of XGBoost: a split on a ratio is allowed only when its children's
 * values follow the ratio's direction, and each child inherits a bound at their midpoint, so that
 * no split further down can undo the order. The ensemble is then monotone in every ratio.
 *
 * Missing values: a 'learned' ratio sends them to the side chosen by the split's gain; a 'neutral'
 * ratio sends them down both sides ('average'), weighted by the share of rows with a value that
 * went each way (as C4.5 does), so a missing value means "unknown", the average over businesses
 * that have one. Values of ±Infinity (a zero denominator) are ordinary extremes.
 */
export const MISSING = -1;

export interface BinnedFeature {
  /** Bin of each row (see quantileCuts), or MISSING. */
  bins: Int32Array;
  binCount: number;
  /** +1: risk may only rise with the ratio; -1: only fall. */
  monotone: 1 | -1;
  missing: 'learned' | 'neutral';
}

export interface BoostingOptions {
  trees: number;
  depth: number;
  learningRate: number;
  l2: number;
  minChildWeight: number;
  /** Rows without the ratio a node needs before a split may learn where they go. */
  minMissingWeight: number;
  rowSample: number;
  seed: number;
}

/** A tree over bin indices: rows with bin <= threshold go left. Covers are training row weights. */
export type BinTree =
  | { leaf: true; value: number; cover: number }
  | {
      leaf: false;
      feature: number;
      threshold: number;
      missing: 'left' | 'right' | 'average';
      left: BinTree;
      right: BinTree;
      cover: number;
    };

export interface BoostedTrees {
  base: number;
  trees: BinTree[];
}

export function binTreeValue(node: BinTree, binOf: (feature: number) => number): number {
  if (node.leaf) return node.value;
  const b = binOf(node.feature);
  if (b === MISSING) {
    if (node.missing === 'average') {
      return (
        (node.left.cover * binTreeValue(node.left, binOf) + node.right.cover * binTreeValue(node.right, binOf)) /
        (node.left.cover + node.right.cover)
      );
    }
    return binTreeValue(node.missing === 'left' ? node.left : node.right, binOf);
  }
  return binTreeValue(b <= node.threshold ? node.left : node.right, binOf);
}

/** Log-odds of each row after the first `upTo` trees. */
export function boostedLogits(
  model: BoostedTrees,
  features: readonly BinnedFeature[],
  rows: number,
  upTo = model.trees.length,
): Float64Array {
  const out = new Float64Array(rows).fill(model.base);
  for (let i = 0; i < rows; i++) {
    const binOf = (f: number) => features[f].bins[i];
    for (let t = 0; t < upTo; t++) out[i] += binTreeValue(model.trees[t], binOf);
  }
  return out;
}

interface Split {
  gain: number;
  feature: number;
  threshold: number;
  missing: 'left' | 'right' | 'average';
  leftValue: number;
  rightValue: number;
}

export function fitBoostedTrees(
  features: readonly BinnedFeature[],
  labels: readonly (0 | 1)[],
  options: BoostingOptions,
  afterTree?: (count: number, model: BoostedTrees) => void,
): BoostedTrees {
  const n = labels.length;
  const bads = labels.reduce<number>((s, y) => s + y, 0);
  const model: BoostedTrees = { base: Math.log(bads / (n - bads)), trees: [] };
  const logit = new Float64Array(n).fill(model.base);
  const grad = new Float64Array(n);
  const hess = new Float64Array(n);
  const random = seededRandom(options.seed);
  const { l2, minChildWeight } = options;

  const clampedValue = (g: number, h: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, -g / (h + l2)));
  const gainOf = (g: number, h: number) => (g * g) / (h + l2);

  const bestSplit = (rows: Int32Array, weights: Float64Array, G: number, H: number, lo: number, hi: number) => {
    let best: Split | null = null;
    const parent = gainOf(G, H);
    for (let j = 0; j < features.length; j++) {
      const f = features[j];
      const gb = new Float64Array(f.binCount);
      const hb = new Float64Array(f.binCount);
      const wb = new Float64Array(f.binCount);
      let gm = 0;
      let hm = 0;
      let wm = 0;
      for (let r = 0; r < rows.length; r++) {
        const i = rows[r];
        const b = f.bins[i];
        const w = weights[r];
        if (b === MISSING) {
          gm += w * grad[i];
          hm += w * hess[i];
          wm += w;
        } else {
          gb[b] += w * grad[i];
          hb[b] += w * hess[i];
          wb[b] += w;
        }
      }
      const wTotal = wb.reduce((s, w) => s + w, 0);
      let gl = 0;
      let hl = 0;
      let wl = 0;
      for (let t = 0; t < f.binCount - 1; t++) {
        gl += gb[t];
        hl += hb[t];
        wl += wb[t];
        if (wl === 0 || wl === wTotal) continue;
        // Where too few rows here lack the ratio, the data says nothing reliable about a missing
        // one: it is then treated as unknown, like a neutral ratio, not sent to a side by chance.
        const sides: ('left' | 'right' | 'average')[] =
          f.missing === 'neutral' || wm < options.minMissingWeight ? ['average'] : ['left', 'right'];
        for (const missing of sides) {
          const share = missing === 'average' ? wl / wTotal : missing === 'left' ? 1 : 0;
          const GL = gl + share * gm;
          const HL = hl + share * hm;
          const GR = G - GL;
          const HR = H - HL;
          if (HL < minChildWeight || HR < minChildWeight) continue;
          const leftValue = clampedValue(GL, HL, lo, hi);
          const rightValue = clampedValue(GR, HR, lo, hi);
          if (f.monotone === 1 ? leftValue > rightValue : leftValue < rightValue) continue;
          const gain = gainOf(GL, HL) + gainOf(GR, HR) - parent;
          if (gain > 1e-12 && (best === null || gain > best.gain)) {
            best = { gain, feature: j, threshold: t, missing, leftValue, rightValue };
          }
        }
      }
    }
    return best as Split | null;
  };

  const grow = (rows: Int32Array, weights: Float64Array, depth: number, lo: number, hi: number): BinTree => {
    let G = 0;
    let H = 0;
    let cover = 0;
    for (let r = 0; r < rows.length; r++) {
      G += weights[r] * grad[rows[r]];
      H += weights[r] * hess[rows[r]];
      cover += weights[r];
    }
    const leaf: BinTree = { leaf: true, value: options.learningRate * clampedValue(G, H, lo, hi), cover };
    if (depth >= options.depth || H < 2 * minChildWeight) return leaf;
    const split = bestSplit(rows, weights, G, H, lo, hi);
    if (split === null) return leaf;

    const f = features[split.feature];
    let leftWeight = 0;
    let weightWithValue = 0;
    for (let r = 0; r < rows.length; r++) {
      const b = f.bins[rows[r]];
      if (b === MISSING) continue;
      weightWithValue += weights[r];
      if (b <= split.threshold) leftWeight += weights[r];
    }
    const leftShare = leftWeight / weightWithValue;
    const left: { rows: number[]; weights: number[] } = { rows: [], weights: [] };
    const right: { rows: number[]; weights: number[] } = { rows: [], weights: [] };
    for (let r = 0; r < rows.length; r++) {
      const i = rows[r];
      const b = f.bins[i];
      if (b !== MISSING) {
        const side = b <= split.threshold ? left : right;
        side.rows.push(i);
        side.weights.push(weights[r]);
      } else if (split.missing === 'average') {
        left.rows.push(i);
        left.weights.push(weights[r] * leftShare);
        right.rows.push(i);
        right.weights.push(weights[r] * (1 - leftShare));
      } else {
        const side = split.missing === 'left' ? left : right;
        side.rows.push(i);
        side.weights.push(weights[r]);
      }
    }
    // Children inherit the midpoint as a bound, so the subtree below keeps the order.
    const mid = (split.leftValue + split.rightValue) / 2;
    const [leftLo, leftHi, rightLo, rightHi] = f.monotone === 1 ? [lo, mid, mid, hi] : [mid, hi, lo, mid];
    return {
      leaf: false,
      feature: split.feature,
      threshold: split.threshold,
      missing: split.missing,
      left: grow(Int32Array.from(left.rows), Float64Array.from(left.weights), depth + 1, leftLo, leftHi),
      right: grow(Int32Array.from(right.rows), Float64Array.from(right.weights), depth + 1, rightLo, rightHi),
      cover,
    };
  };

  for (let t = 0; t < options.trees; t++) {
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-logit[i]));
      grad[i] = p - labels[i];
      hess[i] = p * (1 - p);
    }
    const sample: number[] = [];
    for (let i = 0; i < n; i++) if (options.rowSample >= 1 || random() < options.rowSample) sample.push(i);
    const tree = grow(Int32Array.from(sample), new Float64Array(sample.length).fill(1), 0, -Infinity, Infinity);
    model.trees.push(tree);
    for (let i = 0; i < n; i++) logit[i] += binTreeValue(tree, (f) => features[f].bins[i]);
    afterTree?.(model.trees.length, model);
  }
  return model;
}
