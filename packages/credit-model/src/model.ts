import { z } from 'zod';
import { type AttrKey, isAttrKey } from './attributes';
import { type FeatureDefinition, featureDefinition } from './features';

/**
 * The model file: boosted trees over ratios, already calibrated, so that
 *   log-odds of default = base + Σ trees,
 * each tree a set of splits "ratio <= threshold goes left". `cover` is the weight of training rows
 * that reached a node; it drives the averages for a neutral missing ratio and for the per-feature
 * contributions (TreeSHAP). The file is produced by `pnpm --filter @keeper/credit-model run train`.
 */
export const MODEL_FORMAT = 'keeper-credit-model';
export const MODEL_FORMAT_VERSION = 1;

export type ModelNode =
  | { value: number; cover: number }
  | {
      feature: number;
      threshold: number;
      missing: 'left' | 'right' | 'average';
      cover: number;
      left: ModelNode;
      right: ModelNode;
    };

export type ModelSplit = Extract<ModelNode, { feature: number }>;

export function isLeaf(node: ModelNode): node is Extract<ModelNode, { value: number }> {
  return 'value' in node;
}

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const cover = z.number().positive();

const nodeSchema: z.ZodType<ModelNode> = z.lazy(() =>
  z.union([
    z.object({ value: finite, cover }).strict(),
    z
      .object({
        feature: z.number().int().nonnegative(),
        threshold: finite,
        missing: z.enum(['left', 'right', 'average']),
        cover,
        left: nodeSchema,
        right: nodeSchema,
      })
      .strict(),
  ]),
);

export const modelFileSchema = z
  .object({
    format: z.literal(MODEL_FORMAT),
    formatVersion: z.literal(MODEL_FORMAT_VERSION),
    modelVersion: z.string().min(1),
    training: z.object({
      dataset: z.string(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      rows: z.number().int().positive(),
      bankrupt: z.number().int().nonnegative(),
      seed: z.number().int(),
      hyperparameters: z.record(z.string(), z.number()),
      cvAuc: z.object({ mean: z.number(), sd: z.number() }),
      cvKs: z.number(),
      plattCalibration: z.object({ intercept: z.number(), slope: z.number().positive() }),
    }),
    features: z
      .array(
        z
          .object({
            key: z.string().refine(isAttrKey, 'must be attr1 … attr64'),
            monotone: z.union([z.literal(1), z.literal(-1)]),
            missing: z.enum(['learned', 'neutral']),
          })
          .strict(),
      )
      .min(1),
    base: finite,
    trees: z.array(nodeSchema).min(1),
  })
  .strict();

export type CreditModelFile = z.infer<typeof modelFileSchema>;

export interface CreditModel {
  file: CreditModelFile;
  modelVersion: string;
  features: readonly FeatureDefinition[];
  /** The average log-odds of the training rows: the point contributions are measured from. */
  expectedLogit: number;
}

export class ModelFileError extends Error {
  constructor(message: string) {
    super(`invalid credit model file: ${message}`);
    this.name = 'ModelFileError';
  }
}

/**
 * Validates a parsed model file and prepares it for scoring. Refuses a file whose features are
 * not in the catalogue (or disagree with it on direction or missing-value handling), whose splits
 * name a feature it does not list, or whose trees are not monotone in the stated directions.
 */
export function loadModel(json: unknown): CreditModel {
  const parsed = modelFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ModelFileError(`${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const file = parsed.data;
  const features = file.features.map((f, index) => {
    const definition = featureDefinition(f.key as AttrKey);
    if (!definition) throw new ModelFileError(`features.${index}: ${f.key} is not a ratio Keeper computes`);
    if (definition.monotone !== f.monotone || definition.missing !== f.missing) {
      throw new ModelFileError(`features.${index}: ${f.key} disagrees with the feature catalogue`);
    }
    return definition;
  });
  if (new Set(features.map((f) => f.key)).size !== features.length) throw new ModelFileError('a feature is listed twice');

  let expectedLogit = file.base;
  file.trees.forEach((tree, t) => {
    checkTree(tree, features, `trees.${t}`);
    expectedLogit += expectedValue(tree);
  });
  return { file, modelVersion: file.modelVersion, features, expectedLogit };
}

function checkTree(node: ModelNode, features: readonly FeatureDefinition[], path: string): { min: number; max: number } {
  if (isLeaf(node)) return { min: node.value, max: node.value };
  const feature = features[node.feature];
  if (!feature) throw new ModelFileError(`${path}: feature index ${node.feature} is out of range`);
  if (feature.missing === 'neutral' && node.missing !== 'average') {
    throw new ModelFileError(`${path}: missing values of ${feature.key} are neutral, so they must go both ways`);
  }
  const left = checkTree(node.left, features, `${path}.left`);
  const right = checkTree(node.right, features, `${path}.right`);
  // Monotone: everything below the low side stays on its side of everything below the high side.
  const ordered = feature.monotone === 1 ? left.max <= right.min : left.min >= right.max;
  if (!ordered) throw new ModelFileError(`${path}: the split on ${feature.key} breaks its direction`);
  return { min: Math.min(left.min, right.min), max: Math.max(left.max, right.max) };
}

/** A tree's average over the training rows, following covers. */
export function expectedValue(node: ModelNode): number {
  if (isLeaf(node)) return node.value;
  return (node.left.cover * expectedValue(node.left) + node.right.cover * expectedValue(node.right)) / (node.left.cover + node.right.cover);
}
