import trainingReport from './model/training-report.json';
import { FEATURE_DEFINITIONS } from './features';
import { quantile, referenceData, referenceStatistics } from './reference';

describe('reference statistics', () => {
  it('interpolates quantiles between ranks', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5], 0.25)).toBe(2);
    expect(quantile([7], 0.75)).toBe(7);
  });

  it('uses only the companies that did not go bankrupt, and leaves out missing and infinite values', () => {
    const rows = [
      { ratios: { attr44: 10 }, bankrupt: 0 as const },
      { ratios: { attr44: 30 }, bankrupt: 0 as const },
      { ratios: { attr44: 20 }, bankrupt: 0 as const },
      { ratios: { attr44: Infinity }, bankrupt: 0 as const },
      { ratios: { attr44: null }, bankrupt: 0 as const },
      { ratios: { attr44: 900 }, bankrupt: 1 as const },
    ];
    const stats = referenceStatistics(rows, { path: 'x.csv', sha256: 'abc' });
    expect(stats.dataset).toEqual({ path: 'x.csv', sha256: 'abc', rows: 6, notBankrupt: 5 });
    expect(stats.features.attr44).toEqual({ count: 3, p25: 15, median: 20, p75: 25 });
    expect(stats.features.attr1).toBeUndefined();
  });

  it('is committed for every model ratio, from the data the model was trained on', () => {
    const reference = referenceData();
    expect(reference.dataset.sha256).toBe(trainingReport.dataset.sha256);
    expect(reference.dataset.notBankrupt).toBe(trainingReport.dataset.rows - trainingReport.dataset.bankrupt);
    for (const { key } of FEATURE_DEFINITIONS) {
      const d = reference.features[key]!;
      expect(d.count).toBeGreaterThan(4000);
      expect(d.p25).toBeLessThanOrEqual(d.median);
      expect(d.median).toBeLessThanOrEqual(d.p75);
    }
  });
});
