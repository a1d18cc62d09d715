import { fitPlatt } from './calibration';
import { seededRandom } from './random';

describe('fitPlatt', () => {
  it('recovers the line that generated the labels', () => {
    const random = seededRandom(5);
    const logits: number[] = [];
    const labels: (0 | 1)[] = [];
    for (let i = 0; i < 20000; i++) {
      const x = random() * 8 - 6;
      logits.push(x);
      labels.push(random() < 1 / (1 + Math.exp(-(-0.5 + 0.7 * x))) ? 1 : 0);
    }
    const { intercept, slope } = fitPlatt(logits, labels);
    expect(intercept).toBeCloseTo(-0.5, 1);
    expect(slope).toBeCloseTo(0.7, 1);
  });
});
