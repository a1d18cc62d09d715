import type { Ratios } from '../attributes';
import { FEATURE_DEFINITIONS } from '../features';
import { loadModel } from '../model';
import { scoreRatios } from '../score';
import { DEFAULT_TRAINING_OPTIONS, type TrainingOptions } from './pipeline';
import { seededRandom } from './random';
import { renderReport } from './report';
import { trainCreditModel } from './train';

const definitions = FEATURE_DEFINITIONS.filter((f) => ['attr35', 'attr2', 'attr21'].includes(f.key));
const options: TrainingOptions = { ...DEFAULT_TRAINING_OPTIONS, folds: 3, depths: [2], maxTrees: 30, treeStep: 10, bins: 10, minBinCount: 10 };

/** Synthetic companies: risk falls with operating return, rises with debt; growth is often unknown. */
function synthetic(n: number, seed: number) {
  const random = seededRandom(seed);
  const ratios: Ratios[] = [];
  const labels: (0 | 1)[] = [];
  for (let i = 0; i < n; i++) {
    const roa = random() * 0.6 - 0.2;
    const debt = random() * 1.2;
    const growth = 0.5 + random();
    const logit = -2.5 - 8 * roa + 2.5 * debt - 1 * (growth - 1);
    labels.push(random() < 1 / (1 + Math.exp(-logit)) ? 1 : 0);
    ratios.push({ attr35: roa, attr2: random() < 0.02 ? null : debt, attr21: random() < 0.1 ? null : growth });
  }
  return { ratios, labels };
}

describe('trainCreditModel', () => {
  const data = synthetic(1500, 9);
  const result = trainCreditModel(data, { path: 'synthetic.csv', sha256: 'a'.repeat(64) }, 'test-1', options, definitions);

  it('writes a model file that loads, with its nested cross-validated AUC', () => {
    const model = loadModel(JSON.parse(JSON.stringify(result.file)));
    expect(model.modelVersion).toBe('test-1');
    expect(result.report.crossValidation.foldAucs).toHaveLength(3);
    expect(result.report.crossValidation.meanAuc).toBeGreaterThan(0.75);
    expect(result.file.training.cvAuc.mean).toBe(result.report.crossValidation.meanAuc);
    expect(result.report.crossValidation.calibrationByDecile).toHaveLength(10);
    expect(result.report.crossValidation.grades.reduce((s, g) => s + g.count, 0)).toBe(1500);
    expect(result.file.trees).toHaveLength(result.report.chosen.trees);
  });

  it('is calibrated on average: the mean PD is near the default rate', () => {
    const pds = data.ratios.map((r) => scoreRatios(result.model, r).pd);
    const meanPd = pds.reduce((s, p) => s + p, 0) / pds.length;
    const rate = data.labels.reduce<number>((s, y) => s + y, 0) / data.labels.length;
    expect(Math.abs(meanPd - rate)).toBeLessThan(0.02);
  });

  it('is deterministic for a seed', () => {
    const again = trainCreditModel(data, { path: 'synthetic.csv', sha256: 'a'.repeat(64) }, 'test-1', options, definitions);
    expect(again.file).toEqual(result.file);
  });

  it('renders the markdown report with the AUC, KS, calibration and grade tables', () => {
    const md = renderReport(result.report);
    expect(md).toContain(`**${result.report.crossValidation.meanAuc.toFixed(4)} ± ${result.report.crossValidation.sdAuc.toFixed(4)}**`);
    expect(md).toContain('KS of the pooled out-of-fold PDs');
    expect(md).toContain('### Calibration by decile of out-of-fold PD');
    expect(md).toContain('### Grades (out-of-fold)');
    expect(md).toContain('**attr21**');
    expect(md).not.toMatch(/\$\{|undefined|NaN/);
  });
});
