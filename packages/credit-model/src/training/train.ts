import { ratioValue } from '../attributes';
import { FEATURE_DEFINITIONS, type FeatureDefinition } from '../features';
import { type CreditModel, type CreditModelFile, MODEL_FORMAT, MODEL_FORMAT_VERSION, loadModel } from '../model';
import { GRADE_BANDS, type Grade, gradeOf, scoreFromLogit } from '../scale';
import { scoreRatios } from '../score';
import { treeValue } from '../shap';
import { type CalibrationRow, auc, brier, calibrationTable, ks, logLoss, mean, sd } from './metrics';
import { DEFAULT_TRAINING_OPTIONS, type GridPoint, type LabelledData, type TrainingOptions, fitCreditModel } from './pipeline';
import { stratifiedFolds } from './random';

export interface DatasetInfo {
  /** Where the data came from, relative to the repository root. */
  path: string;
  sha256: string;
}

export interface GradeRow {
  grade: Grade;
  minScore: number;
  count: number;
  bankrupt: number;
  observedRate: number;
  meanPd: number;
}

export interface FeatureSummary {
  key: string;
  name: string;
  monotone: 1 | -1;
  missing: 'learned' | 'neutral';
  /** Mean absolute contribution over the training rows, in points. */
  meanAbsPoints: number;
  /** Share of training rows for which the feature is among the reasons. */
  reasonShare: number;
  /** Mean contribution (points) by decile of the ratio among rows that have it. */
  deciles: { from: number; to: number; count: number; meanPoints: number }[];
  missingRows: number;
  missingMeanPoints: number | null;
}

export interface TrainingReport {
  modelVersion: string;
  dataset: DatasetInfo & { rows: number; bankrupt: number };
  options: TrainingOptions;
  chosen: { depth: number; trees: number };
  /** Outer 5-fold stratified CV, the whole procedure (selection included) repeated in each fold. */
  crossValidation: {
    foldAucs: number[];
    meanAuc: number;
    sdAuc: number;
    pooledAuc: number;
    ks: number;
    logLoss: number;
    brier: number;
    calibrationByDecile: CalibrationRow[];
    grades: GradeRow[];
  };
  /** The selection grid on all rows (mean AUC of the inner folds): what chose depth and trees. */
  selectionGrid: GridPoint[];
  selectionAuc: { mean: number; sd: number };
  platt: { intercept: number; slope: number };
  features: FeatureSummary[];
  trees: { count: number; leaves: number };
}

export interface TrainingResult {
  file: CreditModelFile;
  model: CreditModel;
  report: TrainingReport;
}

/**
 * Trains the committed model and measures it honestly: the reported AUC, KS and calibration come
 * from an outer stratified 5-fold cross-validation in which each fold runs the whole fitting
 * procedure (binning, choice of depth and trees by an inner cross-validation, Platt scaling) on
 * its training part only and scores its held-out part with the calibrated result.
 */
export function trainCreditModel(
  data: LabelledData,
  dataset: DatasetInfo,
  modelVersion: string,
  options: TrainingOptions = DEFAULT_TRAINING_OPTIONS,
  definitions: readonly FeatureDefinition[] = FEATURE_DEFINITIONS,
): TrainingResult {
  const n = data.labels.length;
  const bankrupt = data.labels.reduce<number>((s, y) => s + y, 0);

  // Outer cross-validation of the whole procedure.
  const outerFold = stratifiedFolds(data.labels, options.folds, options.seed);
  const outOfFoldPd = new Array<number>(n).fill(0);
  const foldAucs: number[] = [];
  for (let k = 0; k < options.folds; k++) {
    const trainIdx = outerFold.flatMap((f, i) => (f !== k ? [i] : []));
    const testIdx = outerFold.flatMap((f, i) => (f === k ? [i] : []));
    const fitted = fitCreditModel(
      definitions,
      { ratios: trainIdx.map((i) => data.ratios[i]), labels: trainIdx.map((i) => data.labels[i]) },
      options,
      options.seed + 1000 * (k + 1),
    );
    const logits = testIdx.map((i) => {
      const valueOf = (f: number) => ratioValue(data.ratios[i][definitions[f].key]);
      return fitted.trees.reduce((s, tree) => s + treeValue(tree, valueOf), fitted.base);
    });
    foldAucs.push(auc(logits, testIdx.map((i) => data.labels[i])));
    testIdx.forEach((i, t) => (outOfFoldPd[i] = 1 / (1 + Math.exp(-logits[t]))));
  }

  // The committed model: the same procedure on all rows.
  const fitted = fitCreditModel(definitions, data, options, options.seed);
  const file: CreditModelFile = {
    format: MODEL_FORMAT,
    formatVersion: MODEL_FORMAT_VERSION,
    modelVersion,
    training: {
      dataset: dataset.path,
      sha256: dataset.sha256,
      rows: n,
      bankrupt,
      seed: options.seed,
      hyperparameters: {
        depth: fitted.selection.depth,
        trees: fitted.selection.trees,
        learningRate: options.learningRate,
        l2: options.l2,
        minChildWeight: options.minChildWeight,
        minMissingWeight: options.minMissingWeight,
        rowSample: options.rowSample,
        bins: options.bins,
        minBinCount: options.minBinCount,
      },
      cvAuc: { mean: mean(foldAucs), sd: sd(foldAucs) },
      cvKs: ks(outOfFoldPd, data.labels),
      plattCalibration: fitted.platt,
    },
    features: definitions.map((d) => ({ key: d.key, monotone: d.monotone, missing: d.missing })),
    base: fitted.base,
    trees: fitted.trees,
  };
  const model = loadModel(JSON.parse(JSON.stringify(file)));

  const report: TrainingReport = {
    modelVersion,
    dataset: { ...dataset, rows: n, bankrupt },
    options,
    chosen: { depth: fitted.selection.depth, trees: fitted.selection.trees },
    crossValidation: {
      foldAucs,
      meanAuc: mean(foldAucs),
      sdAuc: sd(foldAucs),
      pooledAuc: auc(outOfFoldPd, data.labels),
      ks: ks(outOfFoldPd, data.labels),
      logLoss: logLoss(outOfFoldPd, data.labels),
      brier: brier(outOfFoldPd, data.labels),
      calibrationByDecile: calibrationTable(outOfFoldPd, data.labels, 10),
      grades: gradeTable(outOfFoldPd, data.labels),
    },
    selectionGrid: fitted.selection.grid,
    selectionAuc: { mean: fitted.selection.meanAuc, sd: fitted.selection.sdAuc },
    platt: fitted.platt,
    features: summariseFeatures(model, data),
    trees: { count: file.trees.length, leaves: file.trees.reduce((s, t) => s + countLeaves(t), 0) },
  };
  return { file, model, report };
}

function gradeTable(pd: readonly number[], labels: readonly (0 | 1)[]): GradeRow[] {
  return GRADE_BANDS.map(({ grade, minScore }) => {
    const members = pd.flatMap((p, i) => (gradeOf(Math.round(scoreFromLogit(Math.log(p / (1 - p))))) === grade ? [i] : []));
    const bad = members.reduce((s, i) => s + labels[i], 0);
    return {
      grade,
      minScore,
      count: members.length,
      bankrupt: bad,
      observedRate: members.length ? bad / members.length : 0,
      meanPd: members.length ? mean(members.map((i) => pd[i])) : 0,
    };
  });
}

function summariseFeatures(model: CreditModel, data: LabelledData): FeatureSummary[] {
  const decisions = data.ratios.map((r) => scoreRatios(model, r));
  return model.features.map((d, j) => {
    const points = decisions.map((x) => x.contributions[j].points);
    const withValue = decisions.flatMap((x, i) => (x.contributions[j].value === null ? [] : [i]));
    withValue.sort((a, b) => decisions[a].contributions[j].value! - decisions[b].contributions[j].value!);
    const deciles = Array.from({ length: 10 }, (_, g) => {
      const part = withValue.slice(Math.floor((g * withValue.length) / 10), Math.floor(((g + 1) * withValue.length) / 10));
      return {
        from: decisions[part[0]].contributions[j].value!,
        to: decisions[part[part.length - 1]].contributions[j].value!,
        count: part.length,
        meanPoints: mean(part.map((i) => points[i])),
      };
    });
    const missingRows = decisions.flatMap((x, i) => (x.contributions[j].value === null ? [i] : []));
    return {
      key: d.key,
      name: d.name.en,
      monotone: d.monotone,
      missing: d.missing,
      meanAbsPoints: mean(points.map(Math.abs)),
      reasonShare: decisions.filter((x) => x.reasons.some((r) => r.feature === d.key)).length / decisions.length,
      deciles,
      missingRows: missingRows.length,
      missingMeanPoints: missingRows.length ? mean(missingRows.map((i) => points[i])) : null,
    };
  });
}

function countLeaves(node: CreditModelFile['trees'][number]): number {
  return 'value' in node ? 1 : countLeaves(node.left) + countLeaves(node.right);
}
