import { binOf, quantileCuts } from './binning';

describe('quantileCuts and binOf', () => {
  it('cuts by rank, so an outlier cannot move the bins', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(quantileCuts(values, 4, 1)).toEqual([25, 50, 75]);
    expect(quantileCuts([...values.slice(0, 99), 1e12], 4, 1)).toEqual([25, 50, 75]);
  });

  it('keeps equal values in one bin and respects the minimum bin size', () => {
    const values = [...Array(60).fill(0), ...Array.from({ length: 40 }, (_, i) => i + 1)];
    const cuts = quantileCuts(values, 10, 10);
    expect(cuts[0]).toBe(0);
    const counts = new Array(cuts.length + 1).fill(0);
    values.forEach((v) => counts[binOf(v, cuts)]++);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(10);
  });

  it('puts x in the first bin whose cut is at least x; beyond the last cut is the last bin', () => {
    const cuts = [1, 2, 3];
    expect([-Infinity, 0, 1, 1.5, 2, 3, 3.1, Infinity].map((x) => binOf(x, cuts))).toEqual([0, 0, 0, 1, 1, 2, 3, 3]);
  });
});
