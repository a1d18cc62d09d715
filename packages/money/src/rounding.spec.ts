import fc from 'fast-check';
import { MoneyError } from './errors';
import { ROUNDING_MODES, roundDiv, type RoundingMode } from './rounding';

// Java's RoundingMode reference table, input in tenths.
const TABLE: Array<[number, Record<RoundingMode, number>]> = [
  [55, { up: 6, down: 5, ceiling: 6, floor: 5, 'half-up': 6, 'half-down': 5, 'half-even': 6 }],
  [25, { up: 3, down: 2, ceiling: 3, floor: 2, 'half-up': 3, 'half-down': 2, 'half-even': 2 }],
  [16, { up: 2, down: 1, ceiling: 2, floor: 1, 'half-up': 2, 'half-down': 2, 'half-even': 2 }],
  [11, { up: 2, down: 1, ceiling: 2, floor: 1, 'half-up': 1, 'half-down': 1, 'half-even': 1 }],
  [10, { up: 1, down: 1, ceiling: 1, floor: 1, 'half-up': 1, 'half-down': 1, 'half-even': 1 }],
  [0, { up: 0, down: 0, ceiling: 0, floor: 0, 'half-up': 0, 'half-down': 0, 'half-even': 0 }],
  [-10, { up: -1, down: -1, ceiling: -1, floor: -1, 'half-up': -1, 'half-down': -1, 'half-even': -1 }],
  [-11, { up: -2, down: -1, ceiling: -1, floor: -2, 'half-up': -1, 'half-down': -1, 'half-even': -1 }],
  [-16, { up: -2, down: -1, ceiling: -1, floor: -2, 'half-up': -2, 'half-down': -2, 'half-even': -2 }],
  [-25, { up: -3, down: -2, ceiling: -2, floor: -3, 'half-up': -3, 'half-down': -2, 'half-even': -2 }],
  [-55, { up: -6, down: -5, ceiling: -5, floor: -6, 'half-up': -6, 'half-down': -5, 'half-even': -6 }],
];

describe('roundDiv reference table', () => {
  for (const [tenths, expected] of TABLE) {
    for (const mode of ROUNDING_MODES) {
      it(`${tenths / 10} ${mode} -> ${expected[mode]}`, () => {
        expect(roundDiv(BigInt(tenths), 10n, mode)).toBe(BigInt(expected[mode]));
        expect(roundDiv(BigInt(-tenths), -10n, mode)).toBe(BigInt(expected[mode]));
      });
    }
  }
});

describe('roundDiv half-even to cents', () => {
  it.each([
    [125n, 12n], // 0.125 -> 0.12
    [135n, 14n], // 0.135 -> 0.14
    [145n, 14n],
    [126n, 13n],
    [-125n, -12n],
    [-135n, -14n],
    [-126n, -13n],
  ])('%s thousandths -> %s hundredths', (thousandths, cents) => {
    expect(roundDiv(thousandths, 10n, 'half-even')).toBe(cents);
  });
});

describe('roundDiv errors', () => {
  it('rejects a zero denominator', () => {
    expect(() => roundDiv(1n, 0n, 'down')).toThrow(expect.objectContaining({ code: 'DIVISION_BY_ZERO' }));
  });
  it('rejects an unknown mode', () => {
    expect(() => roundDiv(1n, 3n, 'nearest' as RoundingMode)).toThrow(MoneyError);
  });
});

describe('roundDiv properties', () => {
  // Small values make exact ties frequent; large ones exercise magnitudes beyond 2^53.
  const big = fc.oneof(fc.bigInt({ min: -40n, max: 40n }), fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }));
  const nonZero = big.filter((d) => d !== 0n);
  const mode = fc.constantFrom(...ROUNDING_MODES);

  it('is within one unit of the exact quotient and exact when divisible', () => {
    fc.assert(
      fc.property(big, nonZero, mode, (n, d, m) => {
        const r = roundDiv(n, d, m);
        const error = n - r * d; // exact - r, scaled by d
        expect(error < 0n ? -error : error).toBeLessThan(d < 0n ? -d : d);
        if (n % d === 0n) expect(r).toBe(n / d);
      }),
    );
  });

  it('matches each mode definition', () => {
    fc.assert(
      fc.property(big, nonZero, mode, (rawN, rawD, m) => {
        // Normalise to d > 0 so inequalities read naturally; rounding is defined on the quotient.
        const [n, d] = rawD < 0n ? [-rawN, -rawD] : [rawN, rawD];
        const r = roundDiv(rawN, rawD, m);
        const floor = r * d <= n && n < (r + 1n) * d;
        const ceiling = (r - 1n) * d < n && n <= r * d;
        const twiceDistance = 2n * (n - r * d) < 0n ? -2n * (n - r * d) : 2n * (n - r * d);
        const tie = twiceDistance === d;
        const awayFromZero = r * d === n || (n > 0n ? ceiling : floor);
        switch (m) {
          case 'floor': return floor;
          case 'ceiling': return ceiling;
          case 'down': return n >= 0n ? floor : ceiling;
          case 'up': return n >= 0n ? ceiling : floor;
          case 'half-up': return twiceDistance <= d && (!tie || awayFromZero);
          case 'half-down': return twiceDistance <= d && (!tie || !awayFromZero);
          case 'half-even': return twiceDistance <= d && (!tie || r % 2n === 0n);
        }
      }),
    );
  });

  it('is symmetric under negation', () => {
    const mirror: Record<RoundingMode, RoundingMode> = {
      up: 'up', down: 'down', 'half-up': 'half-up', 'half-down': 'half-down', 'half-even': 'half-even',
      ceiling: 'floor', floor: 'ceiling',
    };
    fc.assert(
      fc.property(big, nonZero, mode, (n, d, m) => {
        expect(roundDiv(-n, d, m)).toBe(-roundDiv(n, d, mirror[m]));
      }),
    );
  });
});
