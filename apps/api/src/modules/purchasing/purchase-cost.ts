import { money, roundDiv, type CurrencyCode } from '@keeper/money';
import { ONE_UNIT } from '../inventory/quantity';
import { baseValue } from '../invoices/open-balance';
import type { AccountRef, PostingLine } from '../ledger/ledger.service';

/**
 * The arithmetic of purchasing, pure so it can be tested line by line.
 *
 * Stock arrives at the order's cost: the first n units of an order line are worth
 * V(n) = base value of round(n × unit cost) at the order's rate. A receipt of q units when r have
 * arrived is valued V(r + q) − (value received so far), so a line's receipts always add up to
 * V(received) and no rounding residue is ever left in goods received not invoiced (GRNI). Bills
 * clear GRNI the same way, cumulatively on the billed quantity.
 */

/** Net cost of `quantity` (ten-thousandths) at `unitCostMinor`, rounded half-up as @keeper/invoicing prices a line. */
export const netCost = (quantity: bigint, unitCostMinor: bigint): bigint => roundDiv(quantity * unitCostMinor, ONE_UNIT, 'half-up');

export interface OrderCost {
  unitCostMinor: bigint;
  currency: CurrencyCode;
  /** The order's rate, fixed when it was ordered. */
  rate: string;
}

/** V(n): what the first `quantity` units of an order line are worth in the base currency. */
export const orderValue = (quantity: bigint, cost: OrderCost, base: CurrencyCode): bigint =>
  baseValue(netCost(quantity, cost.unitCostMinor), cost.currency, cost.rate, base);

/** The base value a receipt of `quantity` brings in, given what the line has received so far. */
export function receiptValue(
  line: { receivedQuantity: bigint; receivedValueMinor: bigint },
  quantity: bigint,
  cost: OrderCost,
  base: CurrencyCode,
): bigint {
  return orderValue(line.receivedQuantity + quantity, cost, base) - line.receivedValueMinor;
}

/** The base value a bill of `quantity` clears from GRNI, given what earlier (unvoided) bills cleared. */
export function grniClearance(
  line: { billedQuantity: bigint; billedGrniMinor: bigint },
  quantity: bigint,
  cost: OrderCost,
  base: CurrencyCode,
): bigint {
  return orderValue(line.billedQuantity + quantity, cost, base) - line.billedGrniMinor;
}

/** One bill (or expense) line as the posting needs it, amounts in the document currency. */
export interface PostableLine {
  netMinor: bigint;
  description: string;
  /** Booked to this account (an expense or asset), unless it bills a stocked order line. */
  account?: AccountRef;
  /** A received stocked order line: GRNI is cleared at the order's cost, the rest is variance. */
  grni?: {
    /** Base value cleared from GRNI (grniClearance). */
    clearedMinor: bigint;
    /** The billed quantity at the order's unit cost, in the document currency (the same currency as the order). */
    netAtOrderCostMinor: bigint;
  };
}

export interface PayablePosting {
  currency: CurrencyCode;
  /** The document's rate (base units per one unit of its currency). */
  rate: string;
  base: CurrencyCode;
  totalMinor: bigint;
  taxMinor: bigint;
  lines: PostableLine[];
  /** The account credited with the total: accounts payable (with the supplier), or cash/bank when paid at once. */
  credit: { account: AccountRef; contactId: string | null };
}

/**
 * The journal lines of a supplier bill or an expense, all in the document currency:
 * Dr expense/asset accounts, Dr GRNI at what the goods were received at, Dr purchase price variance
 * for the price difference (at the bill's rate), Dr/Cr FX for the difference between the order's
 * and the bill's rate, Dr input tax, Cr accounts payable (or cash/bank). Converting each line on
 * its own can leave a minor unit that the converted total does not have; that goes to FX too.
 */
export function payableLines(p: PayablePosting): PostingLine[] {
  const toBase = (minor: bigint) => baseValue(minor, p.currency, p.rate, p.base);
  const lines: PostingLine[] = [];
  const add = (account: AccountRef, amountMinor: bigint, baseAmountMinor: bigint, extra: Partial<PostingLine> = {}) =>
    lines.push(...consistent({ account, amount: money(amountMinor, p.currency), baseAmountMinor, ...extra }, p.currency === p.base));

  let debitedBase = 0n;
  for (const l of p.lines) {
    const netBase = toBase(l.netMinor);
    debitedBase += netBase;
    if (!l.grni) {
      add(l.account!, l.netMinor, netBase, { description: l.description });
      continue;
    }
    // In the base currency the order-cost amount is exactly what GRNI held, so there is no rate difference.
    const atOrderCost = p.currency === p.base ? l.grni.clearedMinor : l.grni.netAtOrderCostMinor;
    const atOrderCostBase = toBase(atOrderCost);
    add({ key: 'goods_received_not_invoiced' }, atOrderCost, l.grni.clearedMinor, { description: l.description });
    add({ key: 'purchase_price_variance' }, l.netMinor - atOrderCost, netBase - atOrderCostBase, {
      description: `Price difference: ${l.description}`.slice(0, 500),
    });
    add({ key: 'fx_gain_loss' }, 0n, atOrderCostBase - l.grni.clearedMinor, {
      description: 'Exchange difference between the order and the bill',
    });
  }
  const taxBase = toBase(p.taxMinor);
  const totalBase = toBase(p.totalMinor);
  add({ key: 'tax_receivable' }, p.taxMinor, taxBase, { description: 'Input tax' });
  add(p.credit.account, -p.totalMinor, -totalBase, { contactId: p.credit.contactId });
  add({ key: 'fx_gain_loss' }, 0n, totalBase - debitedBase - taxBase, { description: 'Currency conversion rounding' });
  return lines;
}

/**
 * A line whose amount and base amount point opposite ways (possible only through rounding, and only
 * in a foreign currency) is written as two lines, one moving the amount and one the base value, so
 * the ledger's sign rule holds and nothing is lost.
 */
function consistent(line: PostingLine, inBase: boolean): PostingLine[] {
  const a = line.amount.amountMinor;
  const b = line.baseAmountMinor;
  if (inBase || (a >= 0n && b >= 0n) || (a <= 0n && b <= 0n)) return [line];
  return [
    { ...line, baseAmountMinor: 0n },
    { ...line, amount: money(0n, line.amount.currency) },
  ];
}
