import fc from 'fast-check';
import type { Client } from 'pg';
import type { CurrencyCode } from '@keeper/money';
import { dec, portion, rateArb, valueInBaseOf } from './property-helpers';
import { Api, Session, signUp, sqlAs, startApi } from './harness';

/**
 * The books agree with the purchasing documents: over random sequences of purchase orders, partial
 * receipts, bills from orders (at random prices), standalone bills, expenses paid now or owed,
 * payments to suppliers over several documents, and voids of payments and bills, in CNY books with
 * CNY and USD documents at random rates, after EVERY step, through the HTTP API:
 * - every journal entry balances per currency and in the base currency;
 * - accounts payable (base) equals the open bills and owed expenses, each at its own rate, and per
 *   currency equals their open amounts; the documents' paid amounts equal a model kept here;
 * - goods received not invoiced equals, over the order lines, what was received less what bills cleared,
 *   and is zero on every line that is fully received and fully billed;
 * - the inventory account equals the valued stock.
 */

const BASE: CurrencyCode = 'CNY';
type Cur = 'CNY' | 'USD';

interface Payable {
  kind: 'bill' | 'expense';
  id: string;
  currency: Cur;
  rate: string;
  total: bigint;
  paid: bigint;
  void: boolean;
}
interface Payment {
  id: string;
  settles: { p: Payable; amount: bigint }[];
  void: boolean;
}
interface Order {
  id: string;
  currency: Cur;
  lines: { id: string; quantity: number; received: number; billed: number }[];
}

const rate = rateArb;
const currency = fc.constantFrom<Cur>('CNY', 'USD');
const pct = fc.integer({ min: 1, max: 100 });

type Step =
  | { kind: 'order'; currency: Cur; rate: string; lines: { quantity: number; costMinor: number; tax: boolean }[] }
  | { kind: 'receive'; order: number; pct: number }
  | { kind: 'billOrder'; order: number; rate: string; priceDeltaPct: number }
  | { kind: 'bill'; currency: Cur; rate: string; amountMinor: number; tax: boolean }
  | { kind: 'expense'; currency: Cur; rate: string; amountMinor: number; owed: boolean }
  | { kind: 'pay'; currency: Cur; rate: string; picks: { pick: number; pct: number }[] }
  | { kind: 'voidPayment'; pick: number }
  | { kind: 'voidBill'; pick: number };

const orderStep = fc.record({
  kind: fc.constant('order' as const),
  currency,
  rate,
  lines: fc.array(fc.record({ quantity: fc.integer({ min: 1, max: 9 }), costMinor: fc.integer({ min: 1, max: 99_999 }), tax: fc.boolean() }), {
    minLength: 1,
    maxLength: 2,
  }),
});
const receiveStep = fc.record({ kind: fc.constant('receive' as const), order: fc.nat(), pct });
const billOrderStep = fc.record({ kind: fc.constant('billOrder' as const), order: fc.nat(), rate, priceDeltaPct: fc.integer({ min: -20, max: 20 }) });
const billStep = fc.record({ kind: fc.constant('bill' as const), currency, rate, amountMinor: fc.integer({ min: 1, max: 500_000 }), tax: fc.boolean() });
const expenseStep = fc.record({ kind: fc.constant('expense' as const), currency, rate, amountMinor: fc.integer({ min: 1, max: 200_000 }), owed: fc.boolean() });
const payStep = fc.record({ kind: fc.constant('pay' as const), currency, rate, picks: fc.array(fc.record({ pick: fc.nat(), pct }), { minLength: 1, maxLength: 3 }) });
const voidPaymentStep = fc.record({ kind: fc.constant('voidPayment' as const), pick: fc.nat() });
const voidBillStep = fc.record({ kind: fc.constant('voidBill' as const), pick: fc.nat() });

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: orderStep },
  { weight: 4, arbitrary: receiveStep },
  { weight: 4, arbitrary: billOrderStep },
  { weight: 2, arbitrary: billStep },
  { weight: 2, arbitrary: expenseStep },
  { weight: 4, arbitrary: payStep },
  { weight: 1, arbitrary: voidPaymentStep },
  { weight: 1, arbitrary: voidBillStep },
);
/** Random steps, then one of every kind in an order where each can act. */
const steps: fc.Arbitrary<Step[]> = fc
  .tuple(
    fc.array(step, { minLength: 4, maxLength: 12, size: 'max' }),
    fc.tuple(orderStep, receiveStep, billOrderStep, billStep, expenseStep, payStep, voidPaymentStep, voidBillStep),
  )
  .map(([random, tail]) => [...random, ...tail]);

const valueInBase = valueInBaseOf(BASE);
const open = (p: Payable) => (p.void ? 0n : p.total - p.paid);
const pick = <T>(xs: T[], n: number): T | undefined => (xs.length ? xs[n % xs.length] : undefined);

describe('payables agree with the books (property)', () => {
  let api: Api;
  let owner: Session;
  let db: Client;
  const done: Record<string, number> = {};

  beforeAll(async () => {
    api = await startApi();
    owner = await signUp(api, 'Payables Property');
    db = await sqlAs('postgres');
  });
  afterAll(async () => {
    await db.end();
    await api.close();
  });

  const ok = (res: { status: number; body: unknown }, status: number, what: string) => {
    if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Record<string, unknown> & { id: string };
  };

  async function check(bid: string, payables: Payable[], orders: Order[]) {
    const unbalanced = await db.query(
      `SELECT entry_id FROM journal_lines WHERE business_id = $1 GROUP BY entry_id, currency HAVING sum(amount_minor) <> 0
       UNION ALL SELECT entry_id FROM journal_lines WHERE business_id = $1 GROUP BY entry_id HAVING sum(base_amount_minor) <> 0`,
      [bid],
    );
    expect(unbalanced.rows).toEqual([]);
    const rows = (
      await db.query(
        `SELECT a.system_key AS key, l.currency, sum(l.amount_minor)::text AS amount, sum(l.base_amount_minor)::text AS base
           FROM journal_lines l JOIN accounts a ON a.business_id = l.business_id AND a.id = l.account_id
          WHERE l.business_id = $1 AND a.system_key IN ('accounts_payable', 'goods_received_not_invoiced', 'inventory')
          GROUP BY a.system_key, l.currency`,
        [bid],
      )
    ).rows;
    const baseOf = (key: string) => rows.filter((r) => r.key === key).reduce((s, r) => s + BigInt(r.base), 0n);
    const amountOf = (key: string, cur: string) => rows.filter((r) => r.key === key && r.currency.trim() === cur).reduce((s, r) => s + BigInt(r.amount), 0n);

    expect(baseOf('accounts_payable')).toBe(-payables.reduce((s, p) => s + valueInBase(open(p), p.currency, p.rate), 0n));
    for (const cur of ['CNY', 'USD'] as const) {
      expect(amountOf('accounts_payable', cur)).toBe(-payables.filter((p) => p.currency === cur).reduce((s, p) => s + open(p), 0n));
    }
    const stored = await db.query(
      `SELECT id, paid_minor::text AS paid FROM bills WHERE business_id = $1 AND status <> 'draft'
       UNION ALL SELECT id, paid_minor::text FROM expenses WHERE business_id = $1 AND paid_from = 'accounts_payable'`,
      [bid],
    );
    expect(new Map(stored.rows.map((r) => [r.id, BigInt(r.paid)]))).toEqual(new Map(payables.map((p) => [p.id, p.paid])));

    const lines = (
      await db.query(
        `SELECT id, received_quantity::text AS received, billed_quantity::text AS billed, quantity::text AS quantity,
                received_value_minor::text AS value, billed_grni_minor::text AS cleared
           FROM purchase_order_lines WHERE business_id = $1 AND stocked`,
        [bid],
      )
    ).rows;
    expect(baseOf('goods_received_not_invoiced')).toBe(-lines.reduce((s, l) => s + BigInt(l.value) - BigInt(l.cleared), 0n));
    for (const l of lines) if (l.received === l.billed && l.received === l.quantity) expect(l.value).toBe(l.cleared);
    const model = new Map(orders.flatMap((o) => o.lines.map((l) => [l.id, [l.received, l.billed]])));
    expect(new Map(lines.map((l) => [l.id, [Number(l.received), Number(l.billed)]]))).toEqual(model);

    const stock = await db.query(`SELECT coalesce(sum(value_minor), 0)::text AS v FROM stock_levels WHERE business_id = $1`, [bid]);
    expect(baseOf('inventory')).toBe(BigInt(stock.rows[0].v));
  }

  it('keeps accounts payable, GRNI and inventory equal to the documents after every step', async () => {
    await fc.assert(
      fc.asyncProperty(steps, async (sequence) => {
        const bid = (await owner.post('/api/businesses', { name: 'Payables Property', baseCurrency: BASE }).expect(201)).body.id as string;
        const path = `/api/businesses/${bid}`;
        const supplier = (await owner.post(`${path}/contacts`, { kind: 'supplier', name: 'Supplier', currency: 'CNY' }).expect(201)).body.id;
        const vat = (await owner.post(`${path}/tax-rates`, { name: 'VAT 13', rate: '13' }).expect(201)).body.id;
        const travel = (await owner.get(`${path}/spend-accounts`).expect(200)).body.items.find((a: { code: string }) => a.code === '6600').id;
        const product = (await owner.post(`${path}/products`, { sku: 'P', name: 'Stocked', trackStock: true }).expect(201)).body.id;
        const payables: Payable[] = [];
        const payments: Payment[] = [];
        const orders: Order[] = [];
        const rateFor = (cur: Cur, r: string) => (cur === BASE ? '1' : r);

        for (const s of sequence) {
          let acted = true;
          switch (s.kind) {
            case 'order': {
              const po = ok(
                await owner.post(`${path}/purchase-orders`, {
                  contactId: supplier,
                  currency: s.currency,
                  lines: s.lines.map((l) => ({ productId: product, quantity: String(l.quantity), unitCost: dec(BigInt(l.costMinor)), taxRateId: l.tax ? vat : null })),
                }),
                201,
                'order',
              );
              ok(await owner.post(`${path}/purchase-orders/${po.id}/order`, s.currency === BASE ? {} : { exchangeRate: s.rate }), 200, 'place');
              orders.push({
                id: po.id,
                currency: s.currency,
                lines: (po.lines as { id: string }[]).map((l, i) => ({ id: l.id, quantity: s.lines[i].quantity, received: 0, billed: 0 })),
              });
              break;
            }
            case 'receive': {
              const o = pick(orders.filter((x) => x.lines.some((l) => l.received < l.quantity)), s.order);
              if (!o) {
                acted = false;
                break;
              }
              const lines = o.lines
                .filter((l) => l.received < l.quantity)
                .map((l) => ({ l, q: Math.max(1, Math.floor(((l.quantity - l.received) * s.pct) / 100)) }));
              ok(
                await owner.post(`${path}/purchase-orders/${o.id}/receipts`, { lines: lines.map((x) => ({ purchaseOrderLineId: x.l.id, quantity: String(x.q) })) }),
                201,
                'receive',
              );
              for (const x of lines) x.l.received += x.q;
              break;
            }
            case 'billOrder': {
              const o = pick(orders.filter((x) => x.lines.some((l) => l.received > l.billed)), s.order);
              if (!o) {
                acted = false;
                break;
              }
              const draft = ok(await owner.post(`${path}/bills/from-purchase-order`, { purchaseOrderId: o.id }), 201, 'bill from order');
              // Re-price every line by the step's percentage (a supplier charging more or less than ordered).
              const lines = (draft.lines as { purchaseOrderLineId: string; quantity: string; unitPrice: { amountMinor: string } }[]).map((l) => ({
                purchaseOrderLineId: l.purchaseOrderLineId,
                quantity: l.quantity,
                unitPrice: dec((BigInt(l.unitPrice.amountMinor) * BigInt(100 + s.priceDeltaPct)) / 100n),
              }));
              ok(await owner.patch(`${path}/bills/${draft.id}`, { contactId: supplier, currency: o.currency, lines }), 200, 'reprice');
              const posted = ok(await owner.post(`${path}/bills/${draft.id}/post`, o.currency === BASE ? {} : { exchangeRate: s.rate }), 200, 'post');
              for (const l of lines) o.lines.find((x) => x.id === l.purchaseOrderLineId)!.billed += Number(l.quantity);
              payables.push({ kind: 'bill', id: draft.id, currency: o.currency, rate: rateFor(o.currency, s.rate), total: BigInt((posted.total as { amountMinor: string }).amountMinor), paid: 0n, void: false });
              break;
            }
            case 'bill': {
              const draft = ok(
                await owner.post(`${path}/bills`, {
                  contactId: supplier,
                  currency: s.currency,
                  lines: [{ description: 'Service', quantity: '1', unitPrice: dec(BigInt(s.amountMinor)), accountId: travel, taxRateId: s.tax ? vat : null }],
                }),
                201,
                'bill',
              );
              const posted = ok(await owner.post(`${path}/bills/${draft.id}/post`, s.currency === BASE ? {} : { exchangeRate: s.rate }), 200, 'post');
              payables.push({ kind: 'bill', id: draft.id, currency: s.currency, rate: rateFor(s.currency, s.rate), total: BigInt((posted.total as { amountMinor: string }).amountMinor), paid: 0n, void: false });
              break;
            }
            case 'expense': {
              const e = ok(
                await owner.post(`${path}/expenses`, {
                  accountId: travel,
                  contactId: supplier,
                  currency: s.currency,
                  ...(s.currency === BASE ? {} : { exchangeRate: s.rate }),
                  amount: dec(BigInt(s.amountMinor)),
                  taxRateId: vat,
                  paidFrom: s.owed ? 'accounts_payable' : 'bank',
                }),
                201,
                'expense',
              );
              if (s.owed) {
                payables.push({ kind: 'expense', id: e.id, currency: s.currency, rate: rateFor(s.currency, s.rate), total: BigInt((e.total as { amountMinor: string }).amountMinor), paid: 0n, void: false });
              }
              break;
            }
            case 'pay': {
              const candidates = payables.filter((p) => p.currency === s.currency && open(p) > 0n);
              const chosen = new Map<string, { p: Payable; amount: bigint }>();
              for (const k of s.picks) {
                const p = pick(candidates, k.pick);
                if (p && !chosen.has(p.id)) chosen.set(p.id, { p, amount: portion(open(p), k.pct) });
              }
              if (chosen.size === 0) {
                acted = false;
                break;
              }
              const settles = [...chosen.values()];
              const res = ok(
                await owner.post(`${path}/bill-payments`, {
                  contactId: supplier,
                  method: 'bank_transfer',
                  currency: s.currency,
                  ...(s.currency === BASE ? {} : { exchangeRate: s.rate }),
                  allocations: settles.map((x) => ({ [x.p.kind === 'bill' ? 'billId' : 'expenseId']: x.p.id, amount: dec(x.amount) })),
                }),
                201,
                'pay',
              );
              for (const x of settles) x.p.paid += x.amount;
              payments.push({ id: res.id, settles, void: false });
              break;
            }
            case 'voidPayment': {
              const p = pick(payments.filter((x) => !x.void), s.pick);
              if (!p) {
                acted = false;
                break;
              }
              ok(await owner.post(`${path}/bill-payments/${p.id}/void`, { reason: 'property' }), 200, 'void payment');
              for (const x of p.settles) x.p.paid -= x.amount;
              p.void = true;
              break;
            }
            case 'voidBill': {
              const b = pick(payables.filter((p) => p.kind === 'bill' && !p.void && p.paid === 0n), s.pick);
              if (!b) {
                acted = false;
                break;
              }
              const bill = ok(await owner.get(`${path}/bills/${b.id}`), 200, 'get bill');
              ok(await owner.post(`${path}/bills/${b.id}/void`, { reason: 'property' }), 200, 'void bill');
              b.void = true;
              for (const l of bill.lines as { purchaseOrderLineId: string | null; quantity: string }[]) {
                if (l.purchaseOrderLineId) {
                  orders.flatMap((o) => o.lines).find((x) => x.id === l.purchaseOrderLineId)!.billed -= Number(l.quantity);
                }
              }
              break;
            }
          }
          if (acted) done[s.kind] = (done[s.kind] ?? 0) + 1;
          await check(bid, payables, orders);
        }
      }),
      { numRuns: 6 },
    );
    // Every kind of step actually ran at least once over the runs.
    for (const kind of ['order', 'receive', 'billOrder', 'bill', 'expense', 'pay', 'voidPayment', 'voidBill']) expect(done[kind] ?? 0).toBeGreaterThan(0);
  });
});
