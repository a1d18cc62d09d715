import fc from 'fast-check';
import { allocate, allocateEvenly, type Ratio } from './allocate';
import { sum } from './arithmetic';
import { CURRENCIES } from './currency';
import { parseDecimal } from './decimal';
import { money, type Money } from './money';

const usd = (minor: bigint) => money(minor, 'USD');
const minors = (parts: Money[]) => parts.map((p) => p.amountMinor);

/** Test-side oracle: ratios as integers at a common scale of 4 decimals (the generator's maximum). */
const weightsAtScale4 = (rs: Ratio[]) =>
  rs.map((r) => {
    const { coefficient, scale } = parseDecimal(String(r));
    return coefficient * 10n ** BigInt(4 - scale);
  });

describe('allocate', () => {
  it.each<[bigint, Ratio[], bigint[]]>([
    [100n, [1, 1, 1], [34n, 33n, 33n]],
    [-100n, [1, 1, 1], [-34n, -33n, -33n]],
    [5n, [3n, 7n], [2n, 3n]], // 1.5 / 3.5: tie broken toward the earlier part
    [1000n, ['0.5', '0.25', '0.25'], [500n, 250n, 250n]],
    [101n, [70, 20, 10], [71n, 20n, 10n]],
    [100n, [0, 1, 0, 1], [0n, 50n, 0n, 50n]],
    [1n, [0, 1, 1], [0n, 1n, 0n]],
    [0n, [1, 2], [0n, 0n]],
    [7n, ['1', 2n, 3], [1n, 2n, 4n]], // exact 1.1667 / 2.3333 / 3.5: largest remainder is the last
  ])('%s by %p -> %p', (total, ratios, expected) => {
    expect(minors(allocate(usd(total), ratios))).toEqual(expected);
  });

  it.each<[Ratio[], string]>([
    [[], 'INVALID_RATIO'],
    [[0, 0], 'INVALID_RATIO'],
    [[1, -1], 'INVALID_RATIO'],
    [['-0.5', 1], 'INVALID_RATIO'],
    [[0.5, 1], 'INVALID_RATIO'],
    [['abc'], 'INVALID_RATIO'],
  ])('rejects ratios %p', (ratios, code) => {
    expect(() => allocate(usd(100n), ratios)).toThrow(expect.objectContaining({ code }));
  });

  const amount = fc.bigInt({ min: -(10n ** 22n), max: 10n ** 22n });
  const ratio: fc.Arbitrary<Ratio> = fc.oneof(
    fc.bigInt({ min: 0n, max: 10n ** 12n }),
    fc.nat({ max: 1000 }),
    fc.tuple(fc.nat({ max: 10_000 }), fc.nat({ max: 9999 })).map(([i, f]) => `${i}.${f}`),
  );
  const ratios = fc.array(ratio, { minLength: 1, maxLength: 12 }).filter((rs) => weightsAtScale4(rs).some((w) => w !== 0n));

  it('parts always sum exactly to the total, in the same currency', () => {
    fc.assert(
      fc.property(amount, ratios, fc.constantFrom(...CURRENCIES), (minor, rs, currency) => {
        const m = money(minor, currency);
        const parts = allocate(m, rs);
        expect(parts).toHaveLength(rs.length);
        expect(sum(parts, currency)).toEqual(m);
      }),
    );
  });

  it('each part is within one minor unit of its exact share, zero ratios get zero, signs match the total', () => {
    fc.assert(
      fc.property(amount, ratios, (minor, rs) => {
        const parts = minors(allocate(usd(minor), rs));
        const scaled = weightsAtScale4(rs);
        const total = scaled.reduce((a, b) => a + b, 0n);
        parts.forEach((part, i) => {
          const error = part * total - minor * scaled[i]; // (part - exact share) × total
          expect(error < 0n ? -error : error).toBeLessThan(total);
          if (scaled[i] === 0n) expect(part).toBe(0n);
          if (part !== 0n) expect(part < 0n).toBe(minor < 0n);
        });
      }),
    );
  });

  it('negative totals mirror positive ones', () => {
    fc.assert(
      fc.property(amount, ratios, (minor, rs) => {
        expect(minors(allocate(usd(-minor), rs))).toEqual(minors(allocate(usd(minor), rs)).map((p) => -p));
      }),
    );
  });
});

describe('allocateEvenly', () => {
  it('splits 10.00 three ways as 3.34 / 3.33 / 3.33', () => {
    expect(minors(allocateEvenly(usd(1000n), 3))).toEqual([334n, 333n, 333n]);
    expect(minors(allocateEvenly(usd(-1000n), 3))).toEqual([-334n, -333n, -333n]);
    expect(minors(allocateEvenly(money(2n, 'JPY'), 5))).toEqual([1n, 1n, 0n, 0n, 0n]);
  });

  it.each([0, -1, 1.5, NaN])('rejects part count %p', (n) => {
    expect(() => allocateEvenly(usd(100n), n)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('parts sum to the total and differ by at most one minor unit', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 22n), max: 10n ** 22n }), fc.integer({ min: 1, max: 50 }), (minor, n) => {
        const parts = minors(allocateEvenly(usd(minor), n));
        expect(parts).toHaveLength(n);
        expect(parts.reduce((a, b) => a + b, 0n)).toBe(minor);
        const sorted = [...parts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        expect(sorted[sorted.length - 1] - sorted[0]).toBeLessThanOrEqual(1n);
      }),
    );
  });
});
