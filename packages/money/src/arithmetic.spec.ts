import fc from 'fast-check';
import { abs, add, compare, equals, isNegative, isPositive, isZero, max, min, negate, subtract, sum } from './arithmetic';
import { CURRENCIES } from './currency';
import { money, zero, type Money } from './money';

const usd = (minor: bigint) => money(minor, 'USD');
const eur = (minor: bigint) => money(minor, 'EUR');
const anyUsd = fc.bigInt({ min: -(10n ** 24n), max: 10n ** 24n }).map(usd);

describe('arithmetic', () => {
  it('adds, subtracts, negates and takes absolute values exactly', () => {
    expect(add(usd(9007199254740993n), usd(1n))).toEqual(usd(9007199254740994n));
    expect(subtract(usd(5n), usd(12n))).toEqual(usd(-7n));
    expect(negate(usd(5n))).toEqual(usd(-5n));
    expect(abs(usd(-5n))).toEqual(usd(5n));
    expect(abs(usd(5n))).toEqual(usd(5n));
  });

  it('sums lists, with an empty list giving zero in the requested currency', () => {
    expect(sum([], 'JPY')).toEqual(zero('JPY'));
    expect(sum([usd(1n), usd(2n), usd(-10n)], 'USD')).toEqual(usd(-7n));
  });

  it('compares and tests sign', () => {
    expect(compare(usd(1n), usd(2n))).toBe(-1);
    expect(compare(usd(2n), usd(2n))).toBe(0);
    expect(compare(usd(3n), usd(2n))).toBe(1);
    expect(equals(usd(2n), usd(2n))).toBe(true);
    expect(equals(usd(2n), usd(3n))).toBe(false);
    expect([isZero(usd(0n)), isNegative(usd(-1n)), isNegative(usd(0n)), isPositive(usd(1n))]).toEqual([true, true, false, true]);
    expect(min(usd(3n), usd(-1n), usd(2n))).toEqual(usd(-1n));
    expect(max(usd(3n), usd(-1n), usd(2n))).toEqual(usd(3n));
    expect(min(usd(3n))).toEqual(usd(3n));
  });

  it.each<[string, () => unknown]>([
    ['add', () => add(usd(1n), eur(1n))],
    ['subtract', () => subtract(usd(1n), eur(1n))],
    ['compare', () => compare(usd(1n), eur(1n))],
    ['equals', () => equals(usd(1n), eur(1n))],
    ['min', () => min(usd(1n), eur(1n))],
    ['max', () => max(usd(1n), usd(2n), eur(1n))],
    ['sum (list)', () => sum([usd(1n), eur(1n)], 'USD')],
    ['sum (currency)', () => sum([usd(1n)], 'EUR')],
  ])('%s refuses mixed currencies', (_, run) => {
    expect(run).toThrow(expect.objectContaining({ code: 'CURRENCY_MISMATCH' }));
  });
});

describe('arithmetic properties', () => {
  it('subtract undoes add', () => {
    fc.assert(
      fc.property(anyUsd, anyUsd, (a, b) => {
        expect(subtract(add(a, b), b)).toEqual(a);
        expect(add(subtract(a, b), b)).toEqual(a);
      }),
    );
  });

  it('sum is associative and order-independent', () => {
    fc.assert(
      fc.property(fc.array(anyUsd), fc.array(anyUsd), (xs, ys) => {
        const whole = sum([...xs, ...ys], 'USD');
        expect(add(sum(xs, 'USD'), sum(ys, 'USD'))).toEqual(whole);
        expect(sum([...ys, ...xs].reverse(), 'USD')).toEqual(whole);
      }),
    );
  });

  it('add is associative and commutative; negate is an additive inverse', () => {
    fc.assert(
      fc.property(anyUsd, anyUsd, anyUsd, (a, b, c) => {
        expect(add(add(a, b), c)).toEqual(add(a, add(b, c)));
        expect(add(a, b)).toEqual(add(b, a));
        expect(isZero(add(a, negate(a)))).toBe(true);
      }),
    );
  });

  it('compare is consistent with min, max and the sign of the difference', () => {
    fc.assert(
      fc.property(anyUsd, anyUsd, (a: Money, b: Money) => {
        const diff = subtract(a, b);
        expect(compare(a, b)).toBe(isZero(diff) ? 0 : isNegative(diff) ? -1 : 1);
        expect(compare(min(a, b), max(a, b))).toBeLessThanOrEqual(0);
        expect(add(min(a, b), max(a, b))).toEqual(add(a, b));
      }),
    );
  });

  it('works in every currency', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CURRENCIES), fc.bigInt(), (currency, minor) => {
        const m = money(minor, currency);
        expect(add(m, negate(m))).toEqual(zero(currency));
      }),
    );
  });
});
