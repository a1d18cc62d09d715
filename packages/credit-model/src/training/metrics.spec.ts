import { auc, calibrationTable, ks } from './metrics';

describe('auc', () => {
  it('is the share of (bankrupt, healthy) pairs ranked right, ties counting half', () => {
    // Pairs: bads at 0.9 and 0.4, goods at 0.1, 0.4, 0.8 -> (0.9 beats all 3) + (0.4 beats 0.1, ties 0.4) = 3 + 1.5 of 6.
    expect(auc([0.9, 0.4, 0.1, 0.4, 0.8], [1, 1, 0, 0, 0])).toBeCloseTo(4.5 / 6, 12);
    expect(auc([1, 2, 3], [0, 0, 1])).toBe(1);
    expect(auc([3, 2, 1], [0, 0, 1])).toBe(0);
    expect(() => auc([1, 2], [0, 0])).toThrow(/both classes/);
  });
});

describe('ks', () => {
  it('is the largest gap between the cumulative shares of bads and goods', () => {
    expect(ks([4, 3, 2, 1], [1, 1, 0, 0])).toBe(1);
    // Ranked by risk: b g b g -> cumulative gaps 0.5, 0, 0.5, 0.
    expect(ks([4, 3, 2, 1], [1, 0, 1, 0])).toBe(0.5);
    // Ties are taken together: one group holding everything has no gap.
    expect(ks([1, 1, 1, 1], [1, 0, 1, 0])).toBe(0);
  });
});

describe('calibrationTable', () => {
  it('cuts the rows sorted by PD into groups of nearly equal size', () => {
    const pd = [0.1, 0.9, 0.2, 0.8, 0.3];
    const rows = calibrationTable(pd, [0, 1, 0, 1, 1], 2);
    expect(rows.map((r) => r.count)).toEqual([2, 3]);
    expect(rows[0].meanPd).toBeCloseTo(0.15, 12);
    expect(rows[1]).toMatchObject({ bankrupt: 3, observedRate: 1 });
  });
});
