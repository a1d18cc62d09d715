import type { Ratios } from './attributes';
import { committedModel } from './committed';
import { FEATURE_DEFINITIONS } from './features';
import { MAX_REASONS, MIN_REASON_POINTS, scoreRatios } from './score';
import { scoreFromLogit } from './scale';
import { seededRandom } from './training/random';

// Rows 1, 2 and 4238 of ../shared/datasets/polish-bankruptcy/train.csv (the model's columns).
// The expected decisions belong to the committed model: retraining (a new MODEL_VERSION) updates them.
const HEALTHY: Ratios = {
  attr1: 0.28616, attr35: 0.35297, attr39: 0.15808, attr12: 1.7501, attr2: 0.20126, attr51: 0.20126, attr3: 0.75865,
  attr4: 4.7695, attr46: 4.4271, attr40: 2.0516, attr50: 4.7695, attr63: 11.095, attr30: -0.080684, attr9: 2.2329,
  attr44: 78.151, attr20: 11.266, attr21: 1.1278,
};
const INDEBTED: Ratios = {
  attr1: 0.17068, attr35: 0.19026, attr39: 0.13023, attr12: 0.25694, attr2: 0.71055, attr51: 0.66428, attr3: 0.087794,
  attr4: 1.1322, attr46: 1.0021, attr40: 0.069263, attr50: 1.0584, attr63: 2.1994, attr30: 0.48631, attr9: 1.1576,
  attr44: 154.81, attr20: 21.589, attr21: 1.5095,
};
const BANKRUPT: Ratios = {
  attr1: -0.4411, attr35: -0.36019, attr39: -4.9533, attr12: -0.28402, attr2: 1.5875, attr51: 1.5531, attr3: -1.4399,
  attr4: 0.072875, attr46: 0.049136, attr40: 0.000432, attr50: 0.071297, attr63: 0.046822, attr30: 21.829, attr9: 0.072718,
  attr44: 185.06, attr20: 379.67, attr21: 0.23646,
};

const model = committedModel();
const logit = (pd: number) => Math.log(pd / (1 - pd));

describe('scoreRatios with the committed model', () => {
  it('scores known rows of the training file', () => {
    const healthy = scoreRatios(model, HEALTHY);
    expect(healthy.pd).toBeCloseTo(0.014501, 6);
    expect([healthy.score, healthy.grade, healthy.reasons]).toEqual([609, 'A', []]);

    const indebted = scoreRatios(model, INDEBTED);
    expect(indebted.pd).toBeCloseTo(0.023086, 6);
    expect([indebted.score, indebted.grade]).toEqual([595, 'B']);
    expect(indebted.reasons.map((r) => r.code)).toEqual([
      'DEBT_TO_ASSETS_HIGH',
      'SHORT_TERM_DEBT_TO_ASSETS_HIGH',
      'RECEIVABLE_DAYS_HIGH',
      'SALES_TO_SHORT_TERM_DEBT_LOW',
    ]);

    const bankrupt = scoreRatios(model, BANKRUPT);
    expect(bankrupt.pd).toBeCloseTo(0.891247, 6);
    expect([bankrupt.score, bankrupt.grade]).toEqual([426, 'E']);
    expect(bankrupt.reasons.map((r) => r.code)).toEqual([
      'OPERATING_RETURN_ON_ASSETS_LOW',
      'QUICK_RATIO_LOW',
      'SALES_GROWTH_LOW',
      'OPERATING_MARGIN_LOW',
    ]);
    expect(bankrupt.modelVersion).toBe(model.modelVersion);
  });

  it('explains the score exactly: contributions add up from the average company to the PD', () => {
    for (const ratios of [HEALTHY, INDEBTED, BANKRUPT]) {
      const d = scoreRatios(model, ratios);
      const total = d.contributions.reduce((s, c) => s + c.contribution, d.baselineLogit);
      expect(total).toBeCloseTo(logit(d.pd), 9);
      expect(d.score).toBe(Math.round(scoreFromLogit(logit(d.pd))));
      d.contributions.forEach((c) => expect(c.points).toBeCloseTo(-c.contribution * (20 / Math.LN2), 9));
    }
  });

  it('takes the reasons from the largest contributions that raise the risk, at most four', () => {
    for (const ratios of [HEALTHY, INDEBTED, BANKRUPT, ...randomRows(200, 7)]) {
      const d = scoreRatios(model, ratios);
      const adverse = d.contributions.filter((c) => -c.points >= MIN_REASON_POINTS).sort((a, b) => b.contribution - a.contribution);
      expect(d.reasons.map((r) => r.feature)).toEqual(adverse.slice(0, MAX_REASONS).map((c) => c.feature));
      for (const r of d.reasons) {
        const definition = FEATURE_DEFINITIONS.find((f) => f.key === r.feature)!;
        expect(r.contribution).toBeGreaterThan(0);
        expect(r.code).toBe(`${definition.code}_${r.direction.toUpperCase()}`);
        expect(r.direction).toBe(r.value === null ? 'missing' : definition.monotone === 1 ? 'high' : 'low');
        expect(r.text.en).toBe(definition.adverse.en);
        expect(r.text['zh-CN']).toBe(definition.adverse['zh-CN']);
      }
    }
  });

  it('is monotone in every ratio, in the direction finance expects', () => {
    const grid = [-Infinity, -100, -5, -1, -0.5, -0.1, 0, 0.01, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9, 1, 1.1, 1.3, 1.5, 2, 3, 5, 10, 30, 60, 90, 120, 200, 400, 1e4, Infinity];
    for (const base of [HEALTHY, INDEBTED, BANKRUPT, ...randomRows(10, 11)]) {
      for (const f of FEATURE_DEFINITIONS) {
        const pds = grid.map((x) => scoreRatios(model, { ...base, [f.key]: x }).pd);
        for (let i = 1; i < pds.length; i++) {
          if (f.monotone === 1) expect(pds[i]).toBeGreaterThanOrEqual(pds[i - 1] - 1e-12);
          else expect(pds[i]).toBeLessThanOrEqual(pds[i - 1] + 1e-12);
        }
      }
    }
  });

  it('scores rows with missing values instead of dropping them', () => {
    const unknown = scoreRatios(model, {});
    // Nothing known: the average company, with nothing to blame.
    expect(logit(unknown.pd)).toBeCloseTo(unknown.baselineLogit, 9);
    expect(unknown.reasons).toEqual([]);
    expect(unknown.contributions.every((c) => c.value === null && c.contribution === 0)).toBe(true);

    const noGrowth = scoreRatios(model, { ...BANKRUPT, attr21: null });
    expect(noGrowth.contributions.find((c) => c.feature === 'attr21')!.contribution).toBe(0);
    expect(noGrowth.pd).toBeGreaterThan(0.5);
    expect(scoreRatios(model, { ...BANKRUPT, attr21: undefined }).pd).toBe(noGrowth.pd);
    expect(scoreRatios(model, { ...BANKRUPT, attr21: NaN }).pd).toBe(noGrowth.pd);
  });

  it('reads an infinite ratio (a zero denominator) as an extreme value, not a missing one', () => {
    const noShortTermDebt = { ...INDEBTED, attr4: Infinity, attr46: Infinity, attr40: Infinity, attr63: Infinity };
    const huge = { ...INDEBTED, attr4: 1e12, attr46: 1e12, attr40: 1e12, attr63: 1e12 };
    expect(scoreRatios(model, noShortTermDebt).pd).toBe(scoreRatios(model, huge).pd);
    expect(scoreRatios(model, noShortTermDebt).contributions.find((c) => c.feature === 'attr46')!.value).toBe(Infinity);
  });

  it('ignores ratios the model does not use', () => {
    expect(scoreRatios(model, { ...INDEBTED, attr29: 99, attr27: -5 }).pd).toBe(scoreRatios(model, INDEBTED).pd);
  });
});

/** Rows of plausible ratios: each feature drawn around the three real rows above, some missing. */
function randomRows(count: number, seed: number): Ratios[] {
  const random = seededRandom(seed);
  const real = [HEALTHY, INDEBTED, BANKRUPT];
  return Array.from({ length: count }, () => {
    const row: Ratios = {};
    for (const f of FEATURE_DEFINITIONS) {
      const v = real[Math.floor(random() * real.length)][f.key] as number;
      row[f.key] = random() < 0.05 ? null : v * (0.5 + random());
    }
    return row;
  });
}
