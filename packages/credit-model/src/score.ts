import { type AttrKey, type Ratios, ratioValue } from './attributes';
import { missingSentence } from './features';
import type { CreditModel } from './model';
import { type Grade, gradeOf, pointsFromLogOdds, scoreFromLogit } from './scale';
import { treeContributions, treeValue } from './shap';

/** At most this many reasons per decision (as adverse-action notices customarily give). */
export const MAX_REASONS = 4;
/** A contribution smaller than this many points is no principal reason. */
export const MIN_REASON_POINTS = 1;

export interface FeatureContribution {
  feature: AttrKey;
  /** The ratio as scored (possibly ±Infinity); null where it was missing. */
  value: number | null;
  /** Log-odds of default added by this ratio, measured from the average training company. */
  contribution: number;
  /** The same in score points (negative: the ratio costs points). */
  points: number;
}

export interface ReasonCode extends FeatureContribution {
  code: string;
  /** What about the ratio raised the risk. */
  direction: 'low' | 'high' | 'missing';
  text: { en: string; 'zh-CN': string };
}

export interface CreditDecision {
  modelVersion: string;
  /** Calibrated probability of default within a year. */
  pd: number;
  /** Points: 600 at odds of 50:1, 20 points to double the odds (see SCORE_SCALE). */
  score: number;
  grade: Grade;
  /** The largest contributions that raised the risk, largest first (at most MAX_REASONS). */
  reasons: ReasonCode[];
  /** Every feature's contribution, in the model's feature order. */
  contributions: FeatureContribution[];
  /** The log-odds of the average training company: contributions add up from here to the PD. */
  baselineLogit: number;
}

/**
 * Scores one business's ratios with the model. Ratios the model does not use are ignored; see
 * ratioValue for missing and infinite ones. The contributions are the model's own (exact TreeSHAP
 * values of the calibrated log-odds), so the reasons explain the score given.
 */
export function scoreRatios(model: CreditModel, ratios: Ratios): CreditDecision {
  const values = model.features.map((f) => ratioValue(ratios[f.key]));
  const valueOf = (feature: number) => values[feature];
  const phi = new Float64Array(model.features.length);
  let logit = model.file.base;
  for (const tree of model.file.trees) {
    logit += treeValue(tree, valueOf);
    treeContributions(tree, valueOf, phi);
  }
  const pd = 1 / (1 + Math.exp(-logit));
  const score = Math.round(scoreFromLogit(logit));

  const contributions = model.features.map((f, j) => ({
    feature: f.key,
    value: values[j],
    contribution: phi[j],
    points: pointsFromLogOdds(phi[j]),
  }));
  const reasons = model.features
    .map((definition, j) => ({ definition, c: contributions[j] }))
    .filter(({ c }) => -c.points >= MIN_REASON_POINTS)
    .sort((a, b) => b.c.contribution - a.c.contribution)
    .slice(0, MAX_REASONS)
    .map(({ definition, c }): ReasonCode => {
      const direction = c.value === null ? 'missing' : definition.monotone === 1 ? 'high' : 'low';
      return {
        ...c,
        code: `${definition.code}_${direction.toUpperCase()}`,
        direction,
        text: direction === 'missing' ? missingSentence(definition) : definition.adverse,
      };
    });
  return { modelVersion: model.modelVersion, pd, score, grade: gradeOf(score), reasons, contributions, baselineLogit: model.expectedLogit };
}
