import { LendingMathError } from './errors';
import { ONE, type Fixed } from './fixed';

/** Rates are found to within 10^-16 per period: far finer than the 0.01 percentage point shown. */
const TOLERANCE: Fixed = ONE / 10n ** 16n;
const LOWEST: Fixed = -(ONE * 99n) / 100n;
const HIGHEST: Fixed = ONE * 2n ** 40n;

/**
 * The rate at which `excess(rate)` (present value of what the borrower repays minus what they
 * received) is zero. `excess` falls as the rate rises, so a bracket [low, high] with excess(low) > 0 >
 * excess(high) always holds the root. Inside it, the Illinois variant of regula falsi converges in a
 * dozen or so steps; a step that would leave the bracket, or a bracket that stops shrinking, falls
 * back to bisection, so convergence never depends on the shape of the curve.
 */
export function solveRate(excess: (rate: Fixed) => Fixed): Fixed {
  const atZero = excess(0n);
  if (atZero === 0n) return 0n;
  let low: Fixed;
  let high: Fixed;
  let excessLow: Fixed;
  let excessHigh: Fixed;
  if (atZero > 0n) {
    [low, excessLow] = [0n, atZero];
    high = ONE;
    excessHigh = excess(high);
    while (excessHigh > 0n) {
      [low, excessLow] = [high, excessHigh];
      high *= 2n;
      if (high > HIGHEST) throw new LendingMathError('NO_SOLUTION', 'The repayments are too large for any rate to equate them with the advances');
      excessHigh = excess(high);
    }
  } else {
    excessLow = excess(LOWEST);
    if (excessLow < 0n) {
      throw new LendingMathError('NO_SOLUTION', 'The repayments are too small for any rate above -99% to equate them with the advances');
    }
    [low, high, excessHigh] = [LOWEST, 0n, atZero];
  }
  let kept = 0; // +1 after low moved, -1 after high moved
  for (let step = 0; high - low > TOLERANCE; step += 1) {
    const width = high - low;
    let next = low + (width * excessLow) / (excessLow - excessHigh);
    if (step % 8 === 7 || next <= low || next >= high) next = low + width / 2n;
    const value = excess(next);
    if (value === 0n) return next;
    if (value > 0n) {
      [low, excessLow] = [next, value];
      if (kept === 1) excessHigh /= 2n; // Illinois: halve the end that keeps staying put
      kept = 1;
    } else {
      [high, excessHigh] = [next, value];
      if (kept === -1) excessLow /= 2n;
      kept = -1;
    }
  }
  return (low + high) / 2n;
}
