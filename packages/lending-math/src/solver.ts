import { LendingMathError } from './errors';
import { ONE, type Fixed } from './fixed';

/** Rates are found to within 10^-16 per period: far finer than the 0.01 percentage point shown. */
const TOLERANCE: Fixed = ONE / 10n ** 16n;
const LOWEST: Fixed = -(ONE * 99n) / 100n;
const HIGHEST: Fixed = ONE * 2n ** 40n;

/**
 * The rate at which `excess(rate)` (present value of what the borrower repays minus what they
 * received) is zero. `excess` falls as the rate rises, so bisection on a bracket always converges;
 * it runs about 60 steps, each exact to 40 digits.
 */
export function solveRate(excess: (rate: Fixed) => Fixed): Fixed {
  const atZero = excess(0n);
  if (atZero === 0n) return 0n;
  let low: Fixed;
  let high: Fixed;
  if (atZero > 0n) {
    low = 0n;
    high = ONE;
    while (excess(high) > 0n) {
      low = high;
      high *= 2n;
      if (high > HIGHEST) throw new LendingMathError('NO_SOLUTION', 'The repayments are too large for any rate to equate them with the advances');
    }
  } else {
    if (excess(LOWEST) < 0n) {
      throw new LendingMathError('NO_SOLUTION', 'The repayments are too small for any rate above -99% to equate them with the advances');
    }
    low = LOWEST;
    high = 0n;
  }
  while (high - low > TOLERANCE) {
    const middle = (low + high) / 2n;
    if (excess(middle) > 0n) low = middle;
    else high = middle;
  }
  return (low + high) / 2n;
}
