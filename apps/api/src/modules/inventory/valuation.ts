import { roundDiv } from '@keeper/money';

/**
 * Stock valuation of one product at one location, as pure arithmetic on integers.
 *
 * Quantities are bigint counts of ten-thousandths of a unit (the database keeps numeric(18,4));
 * values are bigint minor units of the business's base currency. Costs are never held as unit
 * prices: an issue takes `value × issued / on hand` of what is there, rounded once, so the last
 * unit out always takes exactly the value that is left and no rounding residue ever builds up.
 *
 * Negative stock (when the business allows it) is a deficit: quantity below zero with a value
 * below zero, costed at the best rate known when it arose. A later receipt fills the deficit
 * first; the difference between what the receipt cost and what the deficit was booked at is a
 * price difference that the caller posts to cost of goods sold.
 */

export type ValuationMethod = 'moving_average' | 'fifo';

/** value (minor units) per quantity (ten-thousandths): a unit cost kept as a fraction. */
export interface Rate {
  readonly value: bigint;
  readonly quantity: bigint;
}

export interface Layer {
  /** Stable identity of the layer (its row id), carried through so callers can update it. */
  readonly id: string;
  readonly quantity: bigint;
  readonly value: bigint;
}

export interface LevelState {
  readonly quantity: bigint;
  readonly value: bigint;
  /** FIFO only: oldest first. Present only while quantity > 0; their sums equal quantity and value. */
  readonly layers: readonly Layer[];
}

export interface Issue {
  /** The cost taken out (positive): what the caller debits to cost of goods sold or elsewhere. */
  readonly cost: bigint;
  /** FIFO: what was taken from each layer, oldest first. */
  readonly taken: readonly Layer[];
  /** Quantity issued beyond what was on hand (a deficit), and the cost it was booked at. */
  readonly shortfall: { readonly quantity: bigint; readonly cost: bigint };
  readonly after: LevelState;
}

export interface Receipt {
  /** The part of the receipt that filled a deficit. */
  readonly filled: bigint;
  /**
   * What the receipt cost beyond (positive) or below (negative) what the filled deficit was booked
   * at: debit it to cost of goods sold; inventory rises by `value - priceDifference`.
   */
  readonly priceDifference: bigint;
  /** FIFO: the new layer, when anything is left after filling the deficit. */
  readonly layer: { readonly quantity: bigint; readonly value: bigint } | null;
  readonly after: LevelState;
}

export class ValuationError extends Error {}

export const EMPTY: LevelState = { quantity: 0n, value: 0n, layers: [] };

const cost = (rate: Rate, quantity: bigint) => (rate.quantity === 0n ? 0n : roundDiv(rate.value * quantity, rate.quantity, 'half-up'));

/** Takes `quantity` (> 0) out; `fallback` prices a shortfall that arises from zero stock. */
export function issue(method: ValuationMethod, s: LevelState, quantity: bigint, fallback: Rate | null): Issue {
  if (quantity <= 0n) throw new ValuationError('issue quantity must be positive');
  if (s.quantity < 0n) {
    // Deeper into a deficit, at the deficit's own rate.
    const c = cost({ value: s.value, quantity: s.quantity }, quantity);
    return { cost: c, taken: [], shortfall: { quantity, cost: c }, after: { quantity: s.quantity - quantity, value: s.value - c, layers: [] } };
  }
  const fromStock = quantity < s.quantity ? quantity : s.quantity;
  const short = quantity - fromStock;
  let taken: Layer[] = [];
  let layers: Layer[] = [...s.layers];
  let stockCost: bigint;
  if (fromStock === s.quantity) {
    stockCost = s.value;
    taken = layers;
    layers = [];
  } else if (method === 'moving_average') {
    stockCost = cost({ value: s.value, quantity: s.quantity }, fromStock);
  } else {
    stockCost = 0n;
    let left = fromStock;
    const rest: Layer[] = [];
    for (const l of layers) {
      if (left === 0n) {
        rest.push(l);
        continue;
      }
      const q = left < l.quantity ? left : l.quantity;
      const v = q === l.quantity ? l.value : cost(l, q);
      taken.push({ id: l.id, quantity: q, value: v });
      stockCost += v;
      left -= q;
      if (q < l.quantity) rest.push({ id: l.id, quantity: l.quantity - q, value: l.value - v });
    }
    layers = rest;
  }
  let shortCost = 0n;
  if (short > 0n) {
    // The rate of what was last on hand, else the caller's fallback (last purchase, list cost).
    const lastLayer = taken.length > 0 ? s.layers.find((l) => l.id === taken[taken.length - 1].id) : undefined;
    const rate: Rate | null =
      s.quantity > 0n ? (method === 'fifo' && lastLayer ? lastLayer : { value: s.value, quantity: s.quantity }) : fallback;
    shortCost = rate ? cost(rate, short) : 0n;
  }
  const total = stockCost + shortCost;
  return {
    cost: total,
    taken,
    shortfall: { quantity: short, cost: shortCost },
    after: { quantity: s.quantity - quantity, value: s.value - total, layers: method === 'fifo' ? layers : [] },
  };
}

/** Puts `quantity` (> 0) worth `value` (>= 0) in. `newLayerId` names the FIFO layer it may create. */
export function receive(method: ValuationMethod, s: LevelState, quantity: bigint, value: bigint, newLayerId: string): Receipt {
  if (quantity <= 0n) throw new ValuationError('receipt quantity must be positive');
  if (value < 0n) throw new ValuationError('receipt value must not be negative');
  let filled = 0n;
  let priceDifference = 0n;
  let q = quantity;
  let v = value;
  let state = s;
  if (s.quantity < 0n) {
    filled = quantity < -s.quantity ? quantity : -s.quantity;
    // The deficit's booked value for the filled part (negative), and what the receipt paid for it.
    const booked = filled === -s.quantity ? s.value : cost({ value: s.value, quantity: s.quantity }, -filled);
    const paid = filled === quantity ? value : cost({ value, quantity }, filled);
    priceDifference = paid + booked;
    state = { quantity: s.quantity + filled, value: s.value - booked, layers: [] };
    q = quantity - filled;
    v = value - paid;
  }
  if (q === 0n) return { filled, priceDifference, layer: null, after: state };
  const layer = { quantity: q, value: v };
  return {
    filled,
    priceDifference,
    layer: method === 'fifo' ? layer : null,
    after: {
      quantity: state.quantity + q,
      value: state.value + v,
      layers: method === 'fifo' ? [...state.layers, { id: newLayerId, ...layer }] : [],
    },
  };
}

/** The value of `quantity` at what is on hand now (for counted or adjusted increases without a stated cost). */
export function currentRate(s: LevelState, fallback: Rate | null): Rate | null {
  return s.quantity !== 0n ? { value: s.value, quantity: s.quantity } : fallback;
}

export function valueAt(rate: Rate | null, quantity: bigint): bigint {
  return rate ? cost(rate, quantity) : 0n;
}
