import fc from 'fast-check';
import { EMPTY, issue, receive, type LevelState, type ValuationMethod } from './valuation';

const U = 10_000n; // one unit in ten-thousandths

describe('moving average', () => {
  it('issues at the average and leaves the rest of the value with the last unit', () => {
    let s = receive('moving_average', EMPTY, 3n * U, 1000n, 'a').after; // 3 @ 3.333…
    s = receive('moving_average', s, 1n * U, 500n, 'b').after; // 4 units worth 1500
    const first = issue('moving_average', s, 1n * U, null);
    expect(first.cost).toBe(375n);
    const rest = issue('moving_average', first.after, 3n * U, null);
    expect(rest.cost).toBe(1125n);
    expect(rest.after).toEqual(EMPTY);
  });

  it('rounds a partial issue half-up and never drifts', () => {
    let s = receive('moving_average', EMPTY, 3n * U, 100n, 'a').after; // 33.33… each
    const one = issue('moving_average', s, U, null);
    expect(one.cost).toBe(33n);
    s = one.after;
    const two = issue('moving_average', s, U, null);
    expect(two.cost).toBe(34n); // 67 × 1/2 = 33.5 → 34
    expect(issue('moving_average', two.after, U, null).cost).toBe(33n);
  });
});

describe('FIFO', () => {
  it('takes the oldest layers first', () => {
    let s = receive('fifo', EMPTY, 2n * U, 200n, 'a').after; // 2 @ 1.00
    s = receive('fifo', s, 2n * U, 300n, 'b').after; // 2 @ 1.50
    const out = issue('fifo', s, 3n * U, null);
    expect(out.cost).toBe(200n + 150n);
    expect(out.taken).toEqual([
      { id: 'a', quantity: 2n * U, value: 200n },
      { id: 'b', quantity: U, value: 150n },
    ]);
    expect(out.after.layers).toEqual([{ id: 'b', quantity: U, value: 150n }]);
  });
});

describe('negative stock', () => {
  it('books a shortfall at the last rate and trues it up when stock arrives', () => {
    const s = receive('fifo', EMPTY, U, 100n, 'a').after;
    const out = issue('fifo', s, 3n * U, null); // 1 from stock, 2 short at 1.00
    expect(out.cost).toBe(300n);
    expect(out.shortfall).toEqual({ quantity: 2n * U, cost: 200n });
    expect(out.after).toEqual({ quantity: -2n * U, value: -200n, layers: [] });
    const back = receive('fifo', out.after, 5n * U, 750n, 'b'); // 5 @ 1.50
    expect(back.filled).toBe(2n * U);
    expect(back.priceDifference).toBe(100n); // the 2 cost 300, were booked at 200
    expect(back.after).toEqual({ quantity: 3n * U, value: 450n, layers: [{ id: 'b', quantity: 3n * U, value: 450n }] });
  });

  it('prices a shortfall from zero stock with the fallback, or at zero without one', () => {
    expect(issue('moving_average', EMPTY, U, { value: 250n, quantity: U }).cost).toBe(250n);
    expect(issue('moving_average', EMPTY, U, null).cost).toBe(0n);
  });
});


const steps = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant('in' as const), q: fc.bigInt(1n, 50_000n), v: fc.bigInt(0n, 100_000n) }),
    fc.record({ kind: fc.constant('out' as const), q: fc.bigInt(1n, 50_000n) }),
  ),
  { maxLength: 40 },
);

describe.each<ValuationMethod>(['moving_average', 'fifo'])('%s invariants', (method) => {
  it('keeps quantity and value equal to what went in and out, layers whole, zero stock worth zero', () => {
    fc.assert(
      fc.property(steps, fc.boolean(), (plan, allowNegative) => {
        let s: LevelState = EMPTY;
        let qty = 0n;
        let value = 0n;
        plan.forEach((step, i) => {
          if (step.kind === 'in') {
            const r = receive(method, s, step.q, step.v, `l${i}`);
            if (s.quantity >= 0n) expect(r.priceDifference).toBe(0n);
            qty += step.q;
            value += step.v - r.priceDifference;
            s = r.after;
          } else {
            if (!allowNegative && step.q > s.quantity) return;
            const r = issue(method, s, step.q, { value: 123n, quantity: U });
            if (s.quantity >= step.q) expect(r.shortfall.quantity).toBe(0n);
            expect(r.cost).toBeGreaterThanOrEqual(0n);
            qty -= step.q;
            value -= r.cost;
            s = r.after;
          }
          expect(s.quantity).toBe(qty);
          expect(s.value).toBe(value);
          if (s.quantity === 0n) expect(s.value).toBe(0n);
          if (s.quantity > 0n) expect(s.value).toBeGreaterThanOrEqual(0n);
          if (method === 'fifo' && s.quantity > 0n) {
            expect(s.layers.reduce((a, l) => a + l.quantity, 0n)).toBe(s.quantity);
            expect(s.layers.reduce((a, l) => a + l.value, 0n)).toBe(s.value);
            for (const l of s.layers) {
              expect(l.quantity).toBeGreaterThan(0n);
              expect(l.value).toBeGreaterThanOrEqual(0n);
            }
          } else {
            expect(s.layers).toEqual([]);
          }
        });
      }),
      { numRuns: 300 },
    );
  });
});
