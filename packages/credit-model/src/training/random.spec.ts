import { seededRandom, stratifiedFolds } from './random';

describe('stratifiedFolds', () => {
  const labels = Array.from({ length: 1003 }, (_, i) => (i % 13 === 0 ? 1 : 0)) as (0 | 1)[];

  it('gives every fold the same share of bankrupt companies, to within one', () => {
    const fold = stratifiedFolds(labels, 5, 1);
    const bads = [0, 1, 2, 3, 4].map((k) => labels.filter((y, i) => y === 1 && fold[i] === k).length);
    const sizes = [0, 1, 2, 3, 4].map((k) => fold.filter((f) => f === k).length);
    expect(Math.max(...bads) - Math.min(...bads)).toBeLessThanOrEqual(1);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it('is the same for the same seed and differs for another', () => {
    expect(stratifiedFolds(labels, 5, 7)).toEqual(stratifiedFolds(labels, 5, 7));
    expect(stratifiedFolds(labels, 5, 7)).not.toEqual(stratifiedFolds(labels, 5, 8));
  });

  it('draws numbers in [0, 1) reproducibly', () => {
    const a = seededRandom(3);
    const b = seededRandom(3);
    for (let i = 0; i < 1000; i++) {
      const x = a();
      expect(x).toBe(b());
      expect(x >= 0 && x < 1).toBe(true);
    }
  });
});
