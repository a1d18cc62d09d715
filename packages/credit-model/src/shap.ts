import { type ModelNode, isLeaf } from './model';

/**
 * Per-feature contributions of one tree by TreeSHAP (Lundberg, Erion & Lee 2018, "Consistent
 * individualized feature attribution for tree ensembles", Algorithm 2): the Shapley values of the
 * tree where a feature left out is averaged over by the covers of the training rows. They add up
 * to the tree's value for the row minus its average over the training rows.
 *
 * `valueOf(feature)` gives the row's ratio, or null where it is missing. A missing ratio whose
 * split says 'average' is unknown for every coalition: both sides are taken, weighted by cover,
 * and the feature takes no part (its contribution is 0).
 */
interface PathElement {
  feature: number;
  zero: number;
  one: number;
  weight: number;
}

export function treeContributions(root: ModelNode, valueOf: (feature: number) => number | null, out: Float64Array): void {
  visit(root, extend([], 1, 1, -1), 1, valueOf, out);
}

function visit(node: ModelNode, path: PathElement[], scale: number, valueOf: (f: number) => number | null, out: Float64Array): void {
  if (isLeaf(node)) {
    for (let i = 1; i < path.length; i++) {
      out[path[i].feature] += unwoundWeightSum(path, i) * (path[i].one - path[i].zero) * node.value * scale;
    }
    return;
  }
  const total = node.left.cover + node.right.cover;
  const x = valueOf(node.feature);
  if (x === null && node.missing === 'average') {
    visit(node.left, path, (scale * node.left.cover) / total, valueOf, out);
    visit(node.right, path, (scale * node.right.cover) / total, valueOf, out);
    return;
  }
  const goesLeft = x === null ? node.missing === 'left' : x <= node.threshold;
  const [hot, cold] = goesLeft ? [node.left, node.right] : [node.right, node.left];
  let zero = 1;
  let one = 1;
  let base = path;
  const seen = path.findIndex((e, i) => i > 0 && e.feature === node.feature);
  if (seen >= 0) {
    zero = path[seen].zero;
    one = path[seen].one;
    base = unwind(path, seen);
  }
  visit(hot, extend(base, (zero * hot.cover) / total, one, node.feature), scale, valueOf, out);
  visit(cold, extend(base, (zero * cold.cover) / total, 0, node.feature), scale, valueOf, out);
}

function extend(path: readonly PathElement[], zero: number, one: number, feature: number): PathElement[] {
  const m = path.map((e) => ({ ...e }));
  const l = m.length;
  m.push({ feature, zero, one, weight: l === 0 ? 1 : 0 });
  for (let i = l - 1; i >= 0; i--) {
    m[i + 1].weight += (one * m[i].weight * (i + 1)) / (l + 1);
    m[i].weight = (zero * m[i].weight * (l - i)) / (l + 1);
  }
  return m;
}

function unwind(path: readonly PathElement[], index: number): PathElement[] {
  const m = path.map((e) => ({ ...e }));
  const l = m.length - 1;
  const { one, zero } = m[index];
  let next = m[l].weight;
  for (let j = l - 1; j >= 0; j--) {
    if (one !== 0) {
      const kept = m[j].weight;
      m[j].weight = (next * (l + 1)) / ((j + 1) * one);
      next = kept - (m[j].weight * zero * (l - j)) / (l + 1);
    } else {
      m[j].weight = (m[j].weight * (l + 1)) / (zero * (l - j));
    }
  }
  for (let j = index; j < l; j++) {
    m[j].feature = m[j + 1].feature;
    m[j].zero = m[j + 1].zero;
    m[j].one = m[j + 1].one;
  }
  m.pop();
  return m;
}

/** The total weight of the path with element `index` unwound, without building it. */
function unwoundWeightSum(path: readonly PathElement[], index: number): number {
  const l = path.length - 1;
  const { one, zero } = path[index];
  let total = 0;
  let next = path[l].weight;
  for (let j = l - 1; j >= 0; j--) {
    if (one !== 0) {
      const w = (next * (l + 1)) / ((j + 1) * one);
      total += w;
      next = path[j].weight - (w * zero * (l - j)) / (l + 1);
    } else {
      total += (path[j].weight * (l + 1)) / (zero * (l - j));
    }
  }
  return total;
}

/** The tree's value for the row; a neutral missing ratio takes both sides weighted by cover. */
export function treeValue(node: ModelNode, valueOf: (feature: number) => number | null): number {
  if (isLeaf(node)) return node.value;
  const x = valueOf(node.feature);
  if (x === null) {
    if (node.missing === 'average') {
      const total = node.left.cover + node.right.cover;
      return (node.left.cover * treeValue(node.left, valueOf) + node.right.cover * treeValue(node.right, valueOf)) / total;
    }
    return treeValue(node.missing === 'left' ? node.left : node.right, valueOf);
  }
  return treeValue(x <= node.threshold ? node.left : node.right, valueOf);
}
