import { MoneyError } from './errors';

export type RoundingMode =
  | 'half-even' // ties to the even neighbour (banker's rounding)
  | 'half-up' // ties away from zero
  | 'half-down' // ties toward zero
  | 'up' // away from zero
  | 'down' // toward zero (truncate)
  | 'ceiling' // toward +infinity
  | 'floor'; // toward -infinity

export const ROUNDING_MODES: readonly RoundingMode[] = Object.freeze([
  'half-even', 'half-up', 'half-down', 'up', 'down', 'ceiling', 'floor',
] as const);

/**
 * numerator / denominator rounded to an integer with the given mode. The single rounding
 * primitive of the package: every inexact operation reduces to one call of this.
 */
export function roundDiv(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  if (denominator === 0n) throw new MoneyError('DIVISION_BY_ZERO', 'roundDiv: denominator is zero');
  if (denominator < 0n) {
    numerator = -numerator;
    denominator = -denominator;
  }
  // BigInt division truncates toward zero; the remainder carries the numerator's sign.
  const truncated = numerator / denominator;
  const remainder = numerator % denominator;
  if (remainder === 0n) return truncated;

  const negative = numerator < 0n;
  const awayFromZero = negative ? truncated - 1n : truncated + 1n;
  const twiceRemainder = (negative ? -remainder : remainder) * 2n;

  switch (mode) {
    case 'down':
      return truncated;
    case 'up':
      return awayFromZero;
    case 'ceiling':
      return negative ? truncated : awayFromZero;
    case 'floor':
      return negative ? awayFromZero : truncated;
    case 'half-up':
      return twiceRemainder >= denominator ? awayFromZero : truncated;
    case 'half-down':
      return twiceRemainder > denominator ? awayFromZero : truncated;
    case 'half-even':
      if (twiceRemainder !== denominator) return twiceRemainder > denominator ? awayFromZero : truncated;
      return truncated % 2n === 0n ? truncated : awayFromZero;
    default:
      throw new MoneyError('INVALID_ROUNDING_MODE', `Unknown rounding mode: ${JSON.stringify(mode satisfies never)}`);
  }
}
