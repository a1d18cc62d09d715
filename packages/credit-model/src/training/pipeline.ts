import { type Ratios, ratioValue } from '../attributes';
import type { FeatureDefinition } from '../features';
import type { ModelNode } from '../model';
import { binOf, quantileCuts } from './binning';
import { fitPlatt } from './calibration';
import { auc, mean, sd } from './metrics';
import { stratifiedFolds } from './random';
import { type BinTree, type BinnedFeature, type BoostingOptions, type BoostedTrees, MISSING, binTreeValue, fitBoostedTrees } from './trees';

export interface LabelledData {
  ratios: readonly Ratios[];
  labels: readonly (0 | 1)[];
}

/**
 * Everything that shapes the fit. The depth and the number of trees are chosen by stratified
 * cross-validation inside the data given; the rest is fixed in advance (conservative defaults, not
 * tuned).
 */
export interface TrainingOptions {
  seed: number;
  folds: number;
  depths: readonly number[];
  maxTrees: number;
  treeStep: number;
  learningRate: number;
  l2: number;
  minChildWeight: number;
  minMissingWeight: number;
  rowSample: number;
  bins: number;
  minBinCount: number;
}

export const DEFAULT_TRAINING_OPTIONS: TrainingOptions = {
  seed: 20261130,
  folds: 5,
  depths: [2, 3],
  maxTrees: 300,
  treeStep: 25,
  learningRate: 0.05,
  l2: 1,
  minChildWeight: 1,
  minMissingWeight: 30,
  rowSample: 0.8,
  bins: 32,
  minBinCount: 20,
};

export interface Binning {
  cuts: number[][];
  features: BinnedFeature[];
}

/** Cut points from `fitRows`; the bins of `rows` under them. */
export function binRatios(
  definitions: readonly FeatureDefinition[],
  fitRows: readonly Ratios[],
  rows: readonly Ratios[],
  options: Pick<TrainingOptions, 'bins' | 'minBinCount'>,
  cuts?: number[][],
): Binning {
  const allCuts =
    cuts ??
    definitions.map((d) => {
      const values: number[] = [];
      for (const r of fitRows) {
        const v = r[d.key];
        if (typeof v === 'number' && Number.isFinite(v)) values.push(v); // cut points from finite values only
      }
      return quantileCuts(values, options.bins, options.minBinCount);
    });
  const features = definitions.map((d, j) => ({
    bins: Int32Array.from(rows, (r) => {
      const x = ratioValue(r[d.key]);
      return x === null ? MISSING : binOf(x, allCuts[j]);
    }),
    binCount: allCuts[j].length + 1,
    monotone: d.monotone,
    missing: d.missing,
  }));
  return { cuts: allCuts, features };
}

function boostingOptions(options: TrainingOptions, depth: number, trees: number, seed: number): BoostingOptions {
  return {
    trees,
    depth,
    learningRate: options.learningRate,
    l2: options.l2,
    minChildWeight: options.minChildWeight,
    minMissingWeight: options.minMissingWeight,
    rowSample: options.rowSample,
    seed,
  };
}

function subset<T>(items: readonly T[], indices: readonly number[]): T[] {
  return indices.map((i) => items[i]);
}

export interface GridPoint {
  depth: number;
  trees: number;
  meanAuc: number;
  sdAuc: number;
}

export interface Selection {
  depth: number;
  trees: number;
  foldAucs: number[];
  meanAuc: number;
  sdAuc: number;
  /** Out-of-fold log-odds of the chosen configuration, per row of the data. */
  outOfFold: number[];
  grid: GridPoint[];
}

/**
 * k-fold stratified cross-validation over the depths and tree counts: bins are cut and trees
 * grown on each fold's training part only, and the held-out part is scored after every
 * `treeStep` trees. The configuration with the best mean AUC wins (ties: the simpler one).
 */
export function selectByCrossValidation(
  definitions: readonly FeatureDefinition[],
  data: LabelledData,
  options: TrainingOptions,
  seed: number,
): Selection {
  const fold = stratifiedFolds(data.labels, options.folds, seed);
  const checkpoints: number[] = [];
  for (let t = options.treeStep; t <= options.maxTrees; t += options.treeStep) checkpoints.push(t);

  const results = options.depths.map((depth) => {
    const aucs = checkpoints.map(() => [] as number[]);
    const oof = checkpoints.map(() => new Array<number>(data.labels.length).fill(0));
    for (let k = 0; k < options.folds; k++) {
      const trainIdx = fold.flatMap((f, i) => (f !== k ? [i] : []));
      const testIdx = fold.flatMap((f, i) => (f === k ? [i] : []));
      const trainRows = subset(data.ratios, trainIdx);
      const train = binRatios(definitions, trainRows, trainRows, options);
      const test = binRatios(definitions, trainRows, subset(data.ratios, testIdx), options, train.cuts);
      const testLabels = subset(data.labels, testIdx);
      const testLogit = new Float64Array(testIdx.length);
      fitBoostedTrees(
        train.features,
        subset(data.labels, trainIdx),
        boostingOptions(options, depth, options.maxTrees, seed + k),
        (count, model) => {
          const tree = model.trees[count - 1];
          for (let i = 0; i < testIdx.length; i++) {
            testLogit[i] = (count === 1 ? model.base : testLogit[i]) + binTreeValue(tree, (f) => test.features[f].bins[i]);
          }
          const c = checkpoints.indexOf(count);
          if (c < 0) return;
          aucs[c].push(auc(Array.from(testLogit), testLabels));
          testIdx.forEach((row, i) => (oof[c][row] = testLogit[i]));
        },
      );
    }
    return { depth, aucs, oof };
  });

  const grid: GridPoint[] = [];
  let best: { depth: number; c: number; meanAuc: number } | null = null;
  for (const r of results) {
    checkpoints.forEach((trees, c) => {
      const meanAuc = mean(r.aucs[c]);
      grid.push({ depth: r.depth, trees, meanAuc, sdAuc: sd(r.aucs[c]) });
      if (best === null || meanAuc > best.meanAuc + 1e-9) best = { depth: r.depth, c, meanAuc };
    });
  }
  const chosen = best!;
  const r = results.find((x) => x.depth === chosen.depth)!;
  return {
    depth: chosen.depth,
    trees: checkpoints[chosen.c],
    foldAucs: r.aucs[chosen.c],
    meanAuc: chosen.meanAuc,
    sdAuc: sd(r.aucs[chosen.c]),
    outOfFold: r.oof[chosen.c],
    grid,
  };
}

export interface FittedModel {
  base: number;
  trees: ModelNode[];
  platt: { intercept: number; slope: number };
  selection: Selection;
}

/**
 * The whole fitting procedure on one data set: choose depth and trees by cross-validation, fit
 * Platt scaling on the out-of-fold log-odds, grow the chosen ensemble on all rows, and fold the
 * calibration into it (leaves times the slope, base through the line), with thresholds turned
 * from bin indices back into ratio values.
 */
export function fitCreditModel(
  definitions: readonly FeatureDefinition[],
  data: LabelledData,
  options: TrainingOptions,
  seed: number,
): FittedModel {
  const selection = selectByCrossValidation(definitions, data, options, seed);
  const platt = fitPlatt(selection.outOfFold, data.labels);
  if (!(platt.slope > 0)) throw new Error(`calibration slope ${platt.slope} is not positive: the model ranks backwards`);
  const binned = binRatios(definitions, data.ratios, data.ratios, options);
  const boosted: BoostedTrees = fitBoostedTrees(
    binned.features,
    data.labels,
    boostingOptions(options, selection.depth, selection.trees, seed + options.folds),
  );
  const exportNode = (node: BinTree): ModelNode =>
    node.leaf
      ? { value: node.value * platt.slope, cover: node.cover }
      : {
          feature: node.feature,
          threshold: binned.cuts[node.feature][node.threshold],
          missing: node.missing,
          cover: node.cover,
          left: exportNode(node.left),
          right: exportNode(node.right),
        };
  return {
    base: platt.intercept + platt.slope * boosted.base,
    trees: boosted.trees.map(exportNode),
    platt,
    selection,
  };
}
