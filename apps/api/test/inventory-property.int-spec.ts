import fc from 'fast-check';
import { Db, type TenantTx } from '../src/db/db';
import { StockService } from '../src/modules/inventory/stock.service';
import { Api, Session, signUp, startApi } from './harness';

/**
 * Inventory invariants (issue 4) over random receipts, shipments, transfers, adjustments and
 * counts, for both valuation methods, with and without negative stock, through StockService in
 * real transactions. After every step:
 * - on hand per product and location equals the sum of its movements (and the test's own model),
 * - the inventory account equals the valued stock, per the levels and per the movements,
 * - cost of goods sold equals the cost of what shipped (plus trued-up deficits, negative stock only),
 * - FIFO layers never go below zero and add up to what is on hand.
 */

const U = 10_000n;
type Op =
  | { kind: 'receive'; p: number; l: number; q: bigint; unitCost: bigint }
  | { kind: 'ship'; p: number; l: number; q: bigint }
  | { kind: 'transfer'; p: number; l: number; q: bigint }
  | { kind: 'adjust'; p: number; l: number; q: bigint; unitCost: bigint | null }
  | { kind: 'count'; p: number; l: number; q: bigint };

const pl = { p: fc.integer({ min: 0, max: 1 }), l: fc.integer({ min: 0, max: 1 }) };
const qty = fc.bigInt(1n, 8n).chain((units) => fc.constantFrom(units * U, units * U + 2_500n, units * U + 3_333n));
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('receive' as const), ...pl, q: qty, unitCost: fc.bigInt(0n, 5_000n) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('ship' as const), ...pl, q: qty }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('transfer' as const), ...pl, q: qty }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('adjust' as const),
      ...pl,
      q: fc.oneof(qty, qty.map((x) => -x)),
      unitCost: fc.option(fc.bigInt(0n, 5_000n), { nil: null }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('count' as const), ...pl, q: fc.bigInt(0n, 6n).map((x) => x * U) }) },
);

describe('inventory invariants (property)', () => {
  let api: Api;
  let owner: Session;
  let db: Db;
  let stock: StockService;

  beforeAll(async () => {
    api = await startApi();
    owner = await signUp(api, 'Inventory Property');
    db = api.app.get(Db);
    stock = api.app.get(StockService);
  });
  afterAll(() => api.close());

  it.each([
    ['moving_average', false],
    ['fifo', false],
    ['moving_average', true],
    ['fifo', true],
  ] as const)('%s, negative stock allowed: %s', async (method, allowNegative) => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 14 }), async (ops) => {
        const res = await owner.post('/api/businesses', { name: `Inventory property ${++run}`, baseCurrency: 'USD' }).expect(201);
        const b = `/api/businesses/${res.body.id}`;
        await owner.put(`${b}/inventory-settings`, { valuationMethod: method, allowNegativeStock: allowNegative }).expect(200);
        const products = [
          (await owner.post(`${b}/products`, { sku: 'P0', name: 'P0', trackStock: true, purchaseCost: '1.00' }).expect(201)).body.id,
          (await owner.post(`${b}/products`, { sku: 'P1', name: 'P1', trackStock: true }).expect(201)).body.id,
        ];
        const locations = [
          (await owner.get(`${b}/locations`).expect(200)).body.items[0].id,
          (await owner.post(`${b}/locations`, { code: 'L1', name: 'Second' }).expect(201)).body.id,
        ];
        const tenant = <T>(fn: (t: TenantTx) => Promise<T>) => db.tenant(res.body.id, fn);
        const model = new Map<string, bigint>();
        const onHand = (p: number, l: number) => model.get(`${p}/${l}`) ?? 0n;
        let shippedCost = 0n;

        for (const [i, o] of ops.entries()) {
          const meta = { eventKey: `prop:${i}`, date: `2026-0${1 + (i % 9)}-15`, description: `step ${i}`, sourceType: 'test' };
          const productId = products[o.p];
          const locationId = locations[o.l];
          let applied: bigint | null = null; // change at (p, l)
          let moved: { to: number; q: bigint } | null = null;
          try {
            if (o.kind === 'receive') {
              await tenant((t) =>
                stock.receive(t, { ...meta, locationId, counterAccount: 'goods_received_not_invoiced', lines: [{ productId, quantity: o.q, valueMinor: (o.unitCost * o.q) / U }] }),
              );
              applied = o.q;
            } else if (o.kind === 'ship') {
              const r = await tenant((t) => stock.ship(t, { ...meta, locationId, lines: [{ productId, quantity: o.q }] }));
              shippedCost += -r.movements[0].valueMinor;
              applied = -o.q;
            } else if (o.kind === 'transfer') {
              await tenant((t) => stock.transfer(t, { ...meta, fromLocationId: locationId, toLocationId: locations[1 - o.l], lines: [{ productId, quantity: o.q }] }));
              applied = -o.q;
              moved = { to: 1 - o.l, q: o.q };
            } else if (o.kind === 'adjust') {
              await tenant((t) => stock.adjust(t, { ...meta, locationId, reason: 'test', lines: [{ productId, quantityChange: o.q, unitCostMinor: o.unitCost }] }));
              applied = o.q;
            } else {
              await tenant((t) => stock.count(t, { ...meta, locationId, lines: [{ productId, countedQuantity: o.q }] }));
              applied = o.q - onHand(o.p, o.l);
            }
          } catch (e) {
            // Only going below zero may be refused, and only when the business does not allow it.
            expect((e as { code?: string }).code).toBe('INSUFFICIENT_STOCK');
            expect(allowNegative).toBe(false);
            expect(onHand(o.p, o.l) + (o.kind === 'adjust' ? o.q : -o.q)).toBeLessThan(0n);
          }
          if (applied !== null) model.set(`${o.p}/${o.l}`, onHand(o.p, o.l) + applied);
          if (moved) model.set(`${o.p}/${moved.to}`, onHand(o.p, moved.to) + moved.q);
          // Replaying an event changes nothing.
          if (o.kind === 'ship' && applied !== null) {
            const again = await tenant((t) => stock.ship(t, { ...meta, locationId, lines: [{ productId, quantity: o.q }] }));
            expect(again.created).toBe(false);
          }

          const check = await tenant(async (t) => {
            const levels = await t.query<{ product_id: string; location_id: string; quantity: string; value: string; moved_q: string; moved_v: string }>(
              `SELECT s.product_id, s.location_id, (s.quantity * 10000)::bigint::text AS quantity, s.value_minor::text AS value,
                      coalesce((SELECT (sum(m.quantity) * 10000)::bigint FROM stock_movements m WHERE m.business_id = s.business_id
                                 AND m.product_id = s.product_id AND m.location_id = s.location_id), 0)::text AS moved_q,
                      coalesce((SELECT sum(m.value_minor) FROM stock_movements m WHERE m.business_id = s.business_id
                                 AND m.product_id = s.product_id AND m.location_id = s.location_id), 0)::text AS moved_v
                 FROM stock_levels s WHERE s.business_id = $1`,
              [t.businessId],
            );
            const accounts = await t.query<{ key: string; balance: string }>(
              `SELECT a.system_key AS key, coalesce(sum(jl.base_amount_minor), 0)::text AS balance
                 FROM accounts a LEFT JOIN journal_lines jl ON jl.business_id = a.business_id AND jl.account_id = a.id
                WHERE a.business_id = $1 AND a.system_key IN ('inventory', 'cost_of_goods_sold') GROUP BY a.system_key`,
              [t.businessId],
            );
            const differences = await t.query<{ total: string }>(
              `SELECT coalesce(sum(m.price_difference_minor), 0)::text AS total FROM stock_movements m
                 JOIN stock_operations o ON o.business_id = m.business_id AND o.id = m.operation_id
                WHERE m.business_id = $1 AND o.kind IN ('receipt', 'shipment', 'transfer')`,
              [t.businessId],
            );
            const layers = await t.query<{ product_id: string; location_id: string; q: string; v: string; negative: boolean }>(
              `SELECT product_id, location_id, (sum(quantity_remaining) * 10000)::bigint::text AS q, sum(value_remaining_minor)::text AS v,
                      bool_or(quantity_remaining < 0 OR value_remaining_minor < 0) AS negative
                 FROM stock_layers WHERE business_id = $1 GROUP BY product_id, location_id`,
              [t.businessId],
            );
            return { levels, accounts, differences: BigInt(differences[0].total), layers };
          });

          const balance = (key: string) => BigInt(check.accounts.find((a) => a.key === key)?.balance ?? '0');
          let valued = 0n;
          for (const l of check.levels) {
            expect(l.quantity).toBe(l.moved_q);
            expect(l.value).toBe(l.moved_v);
            const p = products.indexOf(l.product_id);
            const loc = locations.indexOf(l.location_id);
            expect(BigInt(l.quantity)).toBe(onHand(p, loc));
            if (!allowNegative) expect(BigInt(l.quantity)).toBeGreaterThanOrEqual(0n);
            valued += BigInt(l.value);
            if (method === 'fifo' && BigInt(l.quantity) > 0n) {
              const layer = check.layers.find((x) => x.product_id === l.product_id && x.location_id === l.location_id);
              expect(layer).toMatchObject({ q: l.quantity, v: l.value, negative: false });
            }
          }
          expect(balance('inventory')).toBe(valued);
          expect(balance('cost_of_goods_sold')).toBe(shippedCost + check.differences);
          if (!allowNegative) expect(check.differences).toBe(0n);
          for (const x of check.layers) expect(x.negative).toBe(false);
        }
      }),
      { numRuns: 25 },
    );
  }, 240_000);
});
