import type { AttrKey } from './attributes';
import type { RatioRow } from './dataset';
import { FEATURE_DEFINITIONS } from './features';
import referenceFile from './model/reference.json';

/** Where a ratio sits among the training companies that did not go bankrupt. */
export interface ReferenceDistribution {
  /** Rows with a finite value. */
  count: number;
  p25: number;
  median: number;
  p75: number;
}

/**
 * What the owner's view compares a business with: for each model ratio, the quartiles over the
 * training companies that did not go bankrupt within the year. It is the only population Keeper
 * has figures for, so the app says "in the reference data", never "businesses like yours".
 */
export interface ReferenceStatistics {
  dataset: { path: string; sha256: string; rows: number; notBankrupt: number };
  features: Partial<Record<AttrKey, ReferenceDistribution>>;
}

/** The quantile q (0..1) of sorted values, interpolated linearly between the two nearest ranks. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new Error('quantile of no values');
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}

/** Rounds to 6 significant digits, so the committed file reads cleanly and compares exactly. */
const tidy = (v: number) => Number(v.toPrecision(6));

/** The quartiles of every model ratio over the rows labelled 0 (not bankrupt); missing and infinite values are left out. */
export function referenceStatistics(rows: readonly RatioRow[], dataset: { path: string; sha256: string }): ReferenceStatistics {
  const healthy = rows.filter((r) => r.bankrupt === 0);
  const features: ReferenceStatistics['features'] = {};
  for (const { key } of FEATURE_DEFINITIONS) {
    const values = healthy
      .map((r) => r.ratios[key])
      .filter((v): v is number => typeof v === 'number' && Number.isFinite(v))
      .sort((a, b) => a - b);
    if (values.length === 0) continue;
    features[key] = {
      count: values.length,
      p25: tidy(quantile(values, 0.25)),
      median: tidy(quantile(values, 0.5)),
      p75: tidy(quantile(values, 0.75)),
    };
  }
  return { dataset: { ...dataset, rows: rows.length, notBankrupt: healthy.length }, features };
}

/** The committed reference statistics (src/model/reference.json, written with the model by `train`). */
export function referenceData(): ReferenceStatistics {
  return referenceFile as ReferenceStatistics;
}
