import { type CurrencyCode, type Decimal, MoneyError, parseDecimal, roundDiv } from '@keeper/money';

const pow10 = (n: number) => 10n ** BigInt(n);

/** How tax is rounded: on each line, or once per tax rate on the document's sum. Stored on each invoice. */
export type TaxRounding = 'line' | 'document';

export interface LineInput {
  /** Decimal string, up to 4 decimals, > 0. */
  quantity: string;
  /** Price of one unit in the document currency's minor units (tax included when pricesIncludeTax). */
  unitPriceMinor: bigint;
  /** Decimal percent 0-100, e.g. "10" or "2.5". */
  discountPercent?: string;
  /** Decimal percent >= 0, e.g. "13" or "8.25"; "0" or absent means no tax. */
  taxRatePercent?: string;
}

export interface DocumentInput {
  currency: CurrencyCode;
  pricesIncludeTax: boolean;
  taxRounding: TaxRounding;
  lines: readonly LineInput[];
}

export interface LineTotals {
  /** Before discount, as priced (tax included when prices include tax). */
  grossBeforeDiscountMinor: bigint;
  discountMinor: bigint;
  /** Net of tax and discount. */
  netMinor: bigint;
  taxMinor: bigint;
  /** net + tax. */
  totalMinor: bigint;
}

export interface TaxGroup {
  ratePercent: string;
  netMinor: bigint;
  taxMinor: bigint;
}

export interface DocumentTotals {
  currency: CurrencyCode;
  lines: LineTotals[];
  taxes: TaxGroup[];
  discountMinor: bigint;
  subtotalMinor: bigint;
  taxMinor: bigint;
  totalMinor: bigint;
}

// Commercial rounding (half away from zero) on every rounded amount; with the rounding rule stored
// per invoice, a document's totals are reproducible forever.
const MODE = 'half-up' as const;
const HUNDRED = 100n;

function decimal(value: string | undefined, field: string, { max }: { max?: bigint } = {}): Decimal {
  const d = parseDecimal(value ?? '0');
  if (d.coefficient < 0n) throw new MoneyError('INVALID_ARGUMENT', `${field} must not be negative`);
  if (d.scale > 4) throw new MoneyError('INVALID_ARGUMENT', `${field} allows at most 4 decimals`);
  if (max !== undefined && d.coefficient > max * pow10(d.scale)) {
    throw new MoneyError('INVALID_ARGUMENT', `${field} must be at most ${max}`);
  }
  return d;
}

/** Canonical text of a rate so "13", "13.0" and "13.00" group together. */
function rateKey(d: Decimal): string {
  let { coefficient, scale } = d;
  while (scale > 0 && coefficient % 10n === 0n) {
    coefficient /= 10n;
    scale -= 1;
  }
  const s = coefficient.toString().padStart(scale + 1, '0');
  return scale === 0 ? s : `${s.slice(0, -scale)}.${s.slice(-scale)}`;
}

/** round(amount * rate / (100 + rate)) or round(amount * rate / 100), exactly. */
function taxOf(amountMinor: bigint, rate: Decimal, inclusive: boolean): bigint {
  const r = rate.coefficient;
  const hundred = HUNDRED * pow10(rate.scale);
  return roundDiv(amountMinor * r, inclusive ? hundred + r : hundred, MODE);
}

/**
 * Invoice and credit-note totals, shared by the API (which stores them) and the web editor (which
 * shows them live), so both always agree to the minor unit.
 *
 * Per line: priced = round(quantity × unit price); discount = round(priced × discount%).
 * Tax, 'line' rounding: each line's tax is rounded on its own.
 * Tax, 'document' rounding: per tax rate, tax = round(sum of that rate's lines × rate); each line
 * then gets its share by largest remainder, so lines always add up to the document.
 * Prices that include tax: the tax is carved out of the priced amount (amount × r / (100 + r)).
 */
export function computeTotals(doc: DocumentInput): DocumentTotals {
  const parsed = doc.lines.map((line, i) => {
    const quantity = decimal(line.quantity, `lines.${i}.quantity`);
    if (quantity.coefficient === 0n) throw new MoneyError('INVALID_ARGUMENT', `lines.${i}.quantity must be more than 0`);
    if (line.unitPriceMinor < 0n) throw new MoneyError('INVALID_ARGUMENT', `lines.${i}.unitPrice must not be negative`);
    const discount = decimal(line.discountPercent, `lines.${i}.discountPercent`, { max: 100n });
    const rate = decimal(line.taxRatePercent, `lines.${i}.taxRatePercent`, { max: 1000n });
    const priced = roundDiv(quantity.coefficient * line.unitPriceMinor, pow10(quantity.scale), MODE);
    const discountMinor = roundDiv(priced * discount.coefficient, HUNDRED * pow10(discount.scale), MODE);
    return { rate, amount: priced - discountMinor, priced, discountMinor };
  });

  const lineTax = new Array<bigint>(parsed.length).fill(0n);
  const groups = new Map<string, { rate: Decimal; indexes: number[] }>();
  parsed.forEach((p, i) => {
    const key = rateKey(p.rate);
    const group = groups.get(key) ?? { rate: p.rate, indexes: [] };
    group.indexes.push(i);
    groups.set(key, group);
  });

  for (const { rate, indexes } of groups.values()) {
    if (doc.taxRounding === 'line') {
      for (const i of indexes) lineTax[i] = taxOf(parsed[i].amount, rate, doc.pricesIncludeTax);
    } else {
      const groupAmount = indexes.reduce((s, i) => s + parsed[i].amount, 0n);
      const groupTax = taxOf(groupAmount, rate, doc.pricesIncludeTax);
      shareByLargestRemainder(groupTax, indexes.map((i) => parsed[i].amount)).forEach((t, k) => {
        lineTax[indexes[k]] = t;
      });
    }
  }

  const lines: LineTotals[] = parsed.map((p, i) => {
    const netMinor = doc.pricesIncludeTax ? p.amount - lineTax[i] : p.amount;
    return {
      grossBeforeDiscountMinor: p.priced,
      discountMinor: p.discountMinor,
      netMinor,
      taxMinor: lineTax[i],
      totalMinor: netMinor + lineTax[i],
    };
  });

  const byRate = (a: Decimal, b: Decimal) => {
    const x = a.coefficient * pow10(b.scale);
    const y = b.coefficient * pow10(a.scale);
    return x < y ? -1 : x > y ? 1 : 0;
  };
  const taxes: TaxGroup[] = [...groups.entries()]
    .filter(([, g]) => g.rate.coefficient !== 0n)
    .sort(([, a], [, b]) => byRate(a.rate, b.rate))
    .map(([key, g]) => ({
      ratePercent: key,
      netMinor: g.indexes.reduce((s, i) => s + lines[i].netMinor, 0n),
      taxMinor: g.indexes.reduce((s, i) => s + lines[i].taxMinor, 0n),
    }));

  const sum = (f: (l: LineTotals) => bigint) => lines.reduce((s, l) => s + f(l), 0n);
  return {
    currency: doc.currency,
    lines,
    taxes,
    discountMinor: sum((l) => l.discountMinor),
    subtotalMinor: sum((l) => l.netMinor),
    taxMinor: sum((l) => l.taxMinor),
    totalMinor: sum((l) => l.totalMinor),
  };
}

/**
 * Splits a non-negative `total` in proportion to non-negative `weights` so the parts sum exactly:
 * each part gets its floor, then the largest remainders get one more unit (earlier lines win ties).
 */
function shareByLargestRemainder(total: bigint, weights: bigint[]): bigint[] {
  const weightSum = weights.reduce((s, w) => s + w, 0n);
  if (weightSum === 0n) return weights.map((_, i) => (i === 0 ? total : 0n));
  const parts = weights.map((w) => (total * w) / weightSum);
  const order = weights
    .map((w, i) => ({ i, remainder: total * w - parts[i] * weightSum }))
    .sort((a, b) => (a.remainder === b.remainder ? a.i - b.i : a.remainder > b.remainder ? -1 : 1));
  let left = total - parts.reduce((s, p) => s + p, 0n);
  for (const { i } of order) {
    if (left === 0n) break;
    parts[i] += 1n;
    left -= 1n;
  }
  return parts;
}
