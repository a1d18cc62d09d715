import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { WorkerModule } from '../src/app/worker.module';
import { loadConfig } from '../src/config/config';
import { JobRunner } from '../src/jobs/job-runner';
import { Api, addMember, createBusiness, Session, signUp, sqlAs, startApi } from './harness';
import { runOutboxJobs } from './outbox-jobs';
import { testEnv } from './test-env';

interface OrderLine {
  id: string;
  description: string;
  quantity: string;
  stocked: boolean;
  reserved: string;
  shipped: string;
  invoiced: string;
  backOrdered: string;
  toShip: string;
  toInvoice: string;
}

/** ordered, reserved, shipped, invoiced, back-ordered, to ship, to invoice — per line. */
const progress = (order: { lines: OrderLine[] }) =>
  order.lines.map((l) => [l.quantity, l.reserved, l.shipped, l.invoiced, l.backOrdered, l.toShip, l.toInvoice]);

describe('sales orders: reservations, partial shipments, partial invoicing', () => {
  let api: Api;
  let worker: INestApplicationContext;
  let runner: JobRunner;
  let owner: Session;
  let businessId: string;
  let base: string;
  let main: string;
  let customer: string;
  let tax10: string;

  const product = async (sku: string, opts: { trackStock?: boolean; kind?: 'product' | 'service'; price?: string } = {}) =>
    (
      await owner
        .post(`${base}/products`, {
          sku,
          name: `Product ${sku}`,
          kind: opts.kind ?? 'product',
          trackStock: opts.trackStock ?? (opts.kind !== 'service'),
          salesPrice: opts.price ?? '10.00',
          taxRateId: tax10,
        })
        .expect(201)
    ).body.id as string;
  const stockIn = (productId: string, quantity: string, unitCost: string) =>
    owner
      .post(`${base}/stock/adjustments`, { locationId: main, reason: 'found', lines: [{ productId, quantityChange: quantity, unitCost }] })
      .expect(201);
  const createOrder = async (lines: object[], extra: object = {}) =>
    (await owner.post(`${base}/sales-orders`, { contactId: customer, lines, ...extra }).expect(201)).body;
  const confirm = async (orderId: string, as: Session = owner) => (await as.post(`${base}/sales-orders/${orderId}/confirm`).expect(200)).body;
  const getOrder = async (orderId: string) => (await owner.get(`${base}/sales-orders/${orderId}`).expect(200)).body;
  const stockOf = async (productId: string) => (await owner.get(`${base}/products/${productId}/stock`).expect(200)).body;

  /** Base-currency balance of each system account (debit positive) of this business. */
  const ledger = async () => {
    const db = await sqlAs('postgres');
    const { rows } = await db.query(
      `SELECT a.system_key AS key, sum(l.base_amount_minor)::text AS balance
         FROM journal_lines l JOIN accounts a ON a.business_id = l.business_id AND a.id = l.account_id
        WHERE l.business_id = $1 AND a.system_key IS NOT NULL GROUP BY a.system_key`,
      [businessId],
    );
    await db.end();
    return Object.fromEntries(rows.map((r) => [r.key, r.balance])) as Record<string, string>;
  };

  const runArrivals = (productId: string, times = 1) =>
    runOutboxJobs(runner, businessId, 'stock.arrived', { field: 'productId', value: productId }, times);

  beforeAll(async () => {
    api = await startApi();
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(loadConfig(testEnv()), { relay: false, scheduler: false }), {
      logger: false,
    });
    await worker.init();
    runner = worker.get(JobRunner);
    owner = await signUp(api, 'Sales Owner');
    businessId = await createBusiness(owner, 'Order Shop');
    base = `/api/businesses/${businessId}`;
    main = (await owner.get(`${base}/locations`).expect(200)).body.items[0].id;
    customer = (await owner.post(`${base}/contacts`, { kind: 'customer', name: 'Harbour Café', email: 'buy@harbour.example' }).expect(201)).body.id;
    tax10 = (await owner.post(`${base}/tax-rates`, { name: 'VAT 10', rate: '10' }).expect(201)).body.id;
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('creates a numbered draft with totals, edits it, and deletes a draft', async () => {
    const tea = await product('D-TEA');
    const draft = await createOrder([{ productId: tea, quantity: '2.5' }, { description: 'Gift wrap', quantity: '1', unitPrice: '3.00', taxRateId: null }]);
    expect(draft).toMatchObject({
      number: expect.stringMatching(/^SO-\d{5}$/),
      status: 'draft',
      location: { id: main, code: 'MAIN' },
      // 2.5 × 10.00 = 25.00 + 10 % tax; gift wrap 3.00 untaxed
      subtotal: { amountMinor: '2800', currency: 'USD' },
      tax: { amountMinor: '250' },
      total: { amountMinor: '3050' },
      fulfilment: 'unshipped',
      invoicing: 'not_invoiced',
      backOrdered: false,
    });
    const edited = await owner
      .patch(`${base}/sales-orders/${draft.id}`, { contactId: customer, lines: [{ productId: tea, quantity: '3' }], expectedDate: '2099-01-01' })
      .expect(200);
    expect(edited.body).toMatchObject({ total: { amountMinor: '3300' }, expectedDate: '2099-01-01', lines: [expect.objectContaining({ quantity: '3' })] });
    const bad = await owner.post(`${base}/sales-orders`, { contactId: customer, lines: [{ productId: tea, quantity: '1' }], expectedDate: '2000-01-01' }).expect(400);
    expect(bad.body.error.fields).toEqual([expect.objectContaining({ field: 'expectedDate' })]);
    await owner.delete(`${base}/sales-orders/${draft.id}`).expect(204);
    await owner.get(`${base}/sales-orders/${draft.id}`).expect(404);
  });

  it('lets exactly one of two orders confirmed at once take the last unit; the other is back-ordered', async () => {
    const last = await product('LAST-UNIT');
    await stockIn(last, '1', '4.00');
    const a = await createOrder([{ productId: last, quantity: '1' }]);
    const b = await createOrder([{ productId: last, quantity: '1' }]);

    const [ra, rb] = await Promise.all([
      owner.post(`${base}/sales-orders/${a.id}/confirm`),
      owner.post(`${base}/sales-orders/${b.id}/confirm`),
    ]);
    expect([ra.status, rb.status]).toEqual([200, 200]);
    const confirmed = [ra.body, rb.body];
    expect(confirmed.map((o) => o.status)).toEqual(['confirmed', 'confirmed']);
    // One holds the unit, the other waits for stock: it says so, per line and on the order.
    const holder = confirmed.filter((o) => o.lines[0].reserved === '1');
    const waiting = confirmed.filter((o) => o.lines[0].backOrdered === '1');
    expect(holder).toHaveLength(1);
    expect(waiting).toHaveLength(1);
    expect(holder[0]).toMatchObject({ backOrdered: false });
    expect(waiting[0]).toMatchObject({ backOrdered: true, lines: [expect.objectContaining({ reserved: '0', toShip: '1' })] });
    expect(await stockOf(last)).toMatchObject({ onHand: '1', reserved: '1', available: '0' });

    // The back-ordered order cannot ship the reserved unit away from the other one.
    const refused = await owner
      .post(`${base}/sales-orders/${waiting[0].id}/shipments`, { lines: [{ orderLineId: waiting[0].lines[0].id, quantity: '1' }] })
      .expect(409);
    expect(refused.body.error).toMatchObject({ code: 'INSUFFICIENT_STOCK', fields: [expect.objectContaining({ field: 'lines.0.quantity' })] });

    // The list shows who waits.
    const backOrdered = (await owner.get(`${base}/sales-orders?status=back_ordered`).expect(200)).body.items.map((o: { id: string }) => o.id);
    expect(backOrdered).toContain(waiting[0].id);
    expect(backOrdered).not.toContain(holder[0].id);

    // Goods arrive: re-trying the reservation fills the back-order.
    await stockIn(last, '1', '4.00');
    const filled = (await owner.post(`${base}/sales-orders/${waiting[0].id}/reserve`).expect(200)).body;
    expect(filled).toMatchObject({ backOrdered: false, lines: [expect.objectContaining({ reserved: '1', backOrdered: '0' })] });
    expect(await stockOf(last)).toMatchObject({ onHand: '2', reserved: '2', available: '0' });
  });

  it('reserves at confirm, ships in parts with COGS, invoices what shipped, and bills services as ordered', async () => {
    const tea = await product('TEA-SHIP', { price: '12.50' });
    const setup = await product('SETUP', { kind: 'service', price: '40.00' });
    await stockIn(tea, '6', '5.00'); // 6 on hand at 5.00 = 30.00
    const before = await ledger();

    const order = await createOrder([{ productId: tea, quantity: '8' }, { productId: setup, quantity: '1' }]);
    const confirmed = await confirm(order.id);
    // 6 reserved, 2 back-ordered; the service reserves nothing and can be invoiced at once.
    expect(progress(confirmed)).toEqual([
      ['8', '6', '0', '0', '2', '8', '0'],
      ['1', '0', '0', '0', '0', '0', '1'],
    ]);
    expect(confirmed).toMatchObject({ backOrdered: true, fulfilment: 'unshipped', lines: [{ stocked: true }, { stocked: false }] });
    expect(await stockOf(tea)).toMatchObject({ onHand: '6', reserved: '6', available: '0' });

    // Services are not shipped; more than is left is refused; nothing moves on refusal.
    const service = await owner
      .post(`${base}/sales-orders/${order.id}/shipments`, { lines: [{ orderLineId: confirmed.lines[1].id, quantity: '1' }] })
      .expect(400);
    expect(service.body.error.fields).toEqual([expect.objectContaining({ field: 'lines.0.orderLineId', code: 'not_stocked' })]);
    const tooMany = await owner
      .post(`${base}/sales-orders/${order.id}/shipments`, { lines: [{ orderLineId: confirmed.lines[0].id, quantity: '9' }] })
      .expect(400);
    expect(tooMany.body.error.fields).toEqual([expect.objectContaining({ field: 'lines.0.quantity', message: 'only 8 left to ship' })]);

    // Ship 2.5 of the 8.
    const shipment = (
      await owner
        .post(`${base}/sales-orders/${order.id}/shipments`, {
          shipDate: '2026-11-24',
          notes: 'Courier 8841',
          lines: [{ orderLineId: confirmed.lines[0].id, quantity: '2.5' }],
        })
        .expect(201)
    ).body;
    expect(shipment).toMatchObject({
      number: expect.stringMatching(/^DN-\d{5}$/),
      order: { id: order.id, number: order.number },
      shipDate: '2026-11-24',
      notes: 'Courier 8841',
      lines: [expect.objectContaining({ quantity: '2.5', sku: 'TEA-SHIP', cost: { amountMinor: '1250', currency: 'USD' } })],
      cost: { amountMinor: '1250' },
    });
    let o = await getOrder(order.id);
    expect(progress(o)).toEqual([
      ['8', '3.5', '2.5', '0', '2', '5.5', '2.5'],
      ['1', '0', '0', '0', '0', '0', '1'],
    ]);
    expect(o).toMatchObject({ fulfilment: 'partially_shipped', shipments: [expect.objectContaining({ id: shipment.id })] });
    expect(await stockOf(tea)).toMatchObject({ onHand: '3.5', reserved: '3.5', available: '0' });
    expect((await owner.get(`${base}/shipments/${shipment.id}`).expect(200)).body).toEqual(shipment);

    // The shipment is on the stock card, at cost, and posted Dr COGS / Cr inventory.
    const card = (await owner.get(`${base}/products/${tea}/stock-card`).expect(200)).body;
    expect(card.items[0]).toMatchObject({
      kind: 'shipment',
      quantity: '-2.5',
      value: { amountMinor: '-1250' },
      balanceQuantity: '3.5',
      sourceType: 'sales_shipment',
      sourceId: shipment.id,
      description: expect.stringContaining(order.number),
    });
    const afterShip = await ledger();
    expect(BigInt(afterShip.cost_of_goods_sold ?? 0) - BigInt(before.cost_of_goods_sold ?? 0)).toBe(1250n);
    expect(BigInt(afterShip.inventory) - BigInt(before.inventory)).toBe(-1250n);
    expect(afterShip.sales ?? '0').toBe(before.sales ?? '0'); // no revenue before the invoice

    // Invoice: 2.5 × 12.50 = 31.25 of tea and the 40.00 service, each + 10 % tax.
    const invoice = (await owner.post(`${base}/sales-orders/${order.id}/invoice`, {}).expect(201)).body;
    expect(invoice).toMatchObject({
      status: 'issued',
      number: expect.stringMatching(/^INV-/),
      notes: expect.stringContaining(order.number),
      subtotal: { amountMinor: '7125' },
      tax: { amountMinor: '713' },
      total: { amountMinor: '7838' },
      lines: [
        expect.objectContaining({ productId: tea, quantity: '2.5', unitPrice: { amountMinor: '1250', currency: 'USD' } }),
        expect.objectContaining({ productId: setup, quantity: '1' }),
      ],
    });
    const afterInvoice = await ledger();
    expect(BigInt(afterInvoice.sales) - BigInt(before.sales ?? 0)).toBe(-7125n);
    expect(BigInt(afterInvoice.accounts_receivable) - BigInt(before.accounts_receivable ?? 0)).toBe(7838n);
    o = await getOrder(order.id);
    expect(progress(o)).toEqual([
      ['8', '3.5', '2.5', '2.5', '2', '5.5', '0'],
      ['1', '0', '0', '1', '0', '0', '0'],
    ]);
    expect(o).toMatchObject({ invoicing: 'partially_invoiced', invoices: [expect.objectContaining({ id: invoice.id, number: invoice.number })] });

    // Nothing more to invoice until more ships.
    const nothing = await owner.post(`${base}/sales-orders/${order.id}/invoice`, {}).expect(409);
    expect(nothing.body.error.message).toMatch(/Nothing on order/);

    // Stock arrives for the back-order; reserve, ship the rest, invoice the rest: completed.
    await stockIn(tea, '10', '6.00');
    await owner.post(`${base}/sales-orders/${order.id}/reserve`).expect(200);
    await owner.post(`${base}/sales-orders/${order.id}/shipments`, { lines: [{ orderLineId: o.lines[0].id, quantity: '5.5' }] }).expect(201);
    const second = (await owner.post(`${base}/sales-orders/${order.id}/invoice`, {}).expect(201)).body;
    expect(second.lines).toEqual([expect.objectContaining({ quantity: '5.5' })]);
    o = await getOrder(order.id);
    expect(progress(o)).toEqual([
      ['8', '0', '8', '8', '0', '0', '0'],
      ['1', '0', '0', '1', '0', '0', '0'],
    ]);
    expect(o).toMatchObject({ fulfilment: 'shipped', invoicing: 'invoiced', completed: true, backOrdered: false });
    const completed = (await owner.get(`${base}/sales-orders?status=completed`).expect(200)).body.items.map((x: { id: string }) => x.id);
    expect(completed).toContain(order.id);

    // Voiding an invoice makes its quantities invoiceable again.
    await owner.post(`${base}/invoices/${second.id}/void`, { reason: 'Wrong date' }).expect(200);
    o = await getOrder(order.id);
    expect(o.lines[0]).toMatchObject({ invoiced: '2.5', toInvoice: '5.5' });
    expect(o.completed).toBe(false);
    const toInvoice = (await owner.get(`${base}/sales-orders?status=to_invoice`).expect(200)).body.items.map((x: { id: string }) => x.id);
    expect(toInvoice).toContain(order.id);

    // The inventory account still equals the valued stock.
    const valuation = (await owner.get(`${base}/stock/valuation`).expect(200)).body;
    expect(valuation.total).toEqual(valuation.ledgerBalance);
  });

  it('fills back-orders when stock arrives, oldest order first, exactly once however often the job runs', async () => {
    const mug = await product('MUG-FILL');
    const older = await createOrder([{ productId: mug, quantity: '2' }]);
    const newer = await createOrder([{ productId: mug, quantity: '2' }]);
    await confirm(older.id);
    await confirm(newer.id);
    expect((await getOrder(newer.id)).lines[0]).toMatchObject({ reserved: '0', backOrdered: '2' });

    await stockIn(mug, '3', '2.00');
    expect(await runArrivals(mug, 3)).toBe(1);
    expect((await getOrder(older.id)).lines[0]).toMatchObject({ reserved: '2', backOrdered: '0' });
    expect((await getOrder(newer.id)).lines[0]).toMatchObject({ reserved: '1', backOrdered: '1' });
    expect(await stockOf(mug)).toMatchObject({ onHand: '3', reserved: '3', available: '0' });
    expect(await runArrivals(mug)).toBe(0);

    // A shipment out is no arrival; the next receipt fills the rest.
    await stockIn(mug, '5', '2.00');
    await runArrivals(mug);
    expect((await getOrder(newer.id)).lines[0]).toMatchObject({ reserved: '2', backOrdered: '0' });
    expect(await stockOf(mug)).toMatchObject({ onHand: '8', reserved: '4', available: '4' });
  });

  it('invoices two shipments and one invoice with the exact per-line arithmetic of partial quantities', async () => {
    const jar = await product('JAR-SPLIT', { price: '3.33' });
    await stockIn(jar, '3', '1.00');
    const order = await createOrder([{ productId: jar, quantity: '3', discountPercent: '10' }]);
    const c = await confirm(order.id);
    await owner.post(`${base}/sales-orders/${order.id}/shipments`, { lines: [{ orderLineId: c.lines[0].id, quantity: '1' }] }).expect(201);
    await owner.post(`${base}/sales-orders/${order.id}/shipments`, { lines: [{ orderLineId: c.lines[0].id, quantity: '1' }] }).expect(201);
    const inv = (await owner.post(`${base}/sales-orders/${order.id}/invoice`, {}).expect(201)).body;
    // 2 × 3.33 = 6.66 less 10 % = 5.99 (0.666 rounds to 0.67 discount), tax 10 % = 0.60.
    expect(inv.lines[0]).toMatchObject({ quantity: '2', discountPercent: '10', net: { amountMinor: '599' }, tax: { amountMinor: '60' } });
    expect(inv.total.amountMinor).toBe('659');
    const o = await getOrder(order.id);
    expect(o.shipments).toHaveLength(2);
    expect(progress(o)).toEqual([['3', '1', '2', '2', '0', '1', '0']]);
  });

  it('cancels an unshipped order and releases its reservations; refuses once goods have shipped', async () => {
    const cup = await product('CUP-CANCEL');
    await stockIn(cup, '5', '2.00');
    const order = await createOrder([{ productId: cup, quantity: '3' }]);
    await confirm(order.id);
    expect(await stockOf(cup)).toMatchObject({ reserved: '3', available: '2' });
    await owner.post(`${base}/sales-orders/${order.id}/cancel`, {}).expect(400);
    const cancelled = (await owner.post(`${base}/sales-orders/${order.id}/cancel`, { reason: 'Customer changed their mind' }).expect(200)).body;
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'Customer changed their mind', lines: [expect.objectContaining({ reserved: '0', backOrdered: '0' })] });
    expect(await stockOf(cup)).toMatchObject({ reserved: '0', available: '5' });
    // Cancelling again is harmless; confirming a cancelled order is not.
    await owner.post(`${base}/sales-orders/${order.id}/cancel`, { reason: 'again' }).expect(200);
    await owner.post(`${base}/sales-orders/${order.id}/confirm`).expect(409);
    await owner.post(`${base}/sales-orders/${order.id}/shipments`, { lines: [{ orderLineId: cancelled.lines[0].id, quantity: '1' }] }).expect(409);

    const shipped = await createOrder([{ productId: cup, quantity: '2' }]);
    const c = await confirm(shipped.id);
    await owner.post(`${base}/sales-orders/${shipped.id}/shipments`, { lines: [{ orderLineId: c.lines[0].id, quantity: '1' }] }).expect(201);
    const refused = await owner.post(`${base}/sales-orders/${shipped.id}/cancel`, { reason: 'too late' }).expect(409);
    expect(refused.body.error.message).toMatch(/can no longer be cancelled/);
    // A confirmed order's lines are fixed, by the service and by the database.
    await owner.patch(`${base}/sales-orders/${shipped.id}`, { contactId: customer, lines: [{ productId: cup, quantity: '9' }] }).expect(409);
    const db = await sqlAs('postgres');
    await expect(
      db.query(`UPDATE sales_order_lines SET quantity = 9 WHERE business_id = $1 AND order_id = $2`, [businessId, shipped.id]),
    ).rejects.toThrow(/confirmed sales order cannot change/);
    await db.end();
  });

  it('confirming twice reserves once; shipping is idempotent per request key', async () => {
    const box = await product('BOX-IDEM');
    await stockIn(box, '4', '1.00');
    const order = await createOrder([{ productId: box, quantity: '2' }]);
    await Promise.all([confirm(order.id), confirm(order.id)]);
    expect(await stockOf(box)).toMatchObject({ reserved: '2' });
    const o = await getOrder(order.id);
    const body = { lines: [{ orderLineId: o.lines[0].id, quantity: '1' }] };
    const first = await owner.post(`${base}/sales-orders/${order.id}/shipments`, body, 'ship-once-1').expect(201);
    const replay = await owner.post(`${base}/sales-orders/${order.id}/shipments`, body, 'ship-once-1').expect(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body.id).toBe(first.body.id);
    expect(await stockOf(box)).toMatchObject({ onHand: '3', reserved: '1' });
  });

  it('keeps each business to its own orders, and each role to its part', async () => {
    const tea = await product('TEA-ROLES');
    await stockIn(tea, '2', '1.00');
    const order = await createOrder([{ productId: tea, quantity: '1' }]);

    const other = await signUp(api, 'Other Owner');
    const otherBusiness = await createBusiness(other, 'Elsewhere');
    await other.get(`/api/businesses/${otherBusiness}/sales-orders/${order.id}`).expect(404);
    await other.post(`/api/businesses/${otherBusiness}/sales-orders/${order.id}/confirm`).expect(404);
    await other.get(`${base}/sales-orders/${order.id}`).expect(404);
    expect((await other.get(`/api/businesses/${otherBusiness}/sales-orders`).expect(200)).body.items).toEqual([]);

    const accountant = await addMember(api, owner, businessId, 'accountant');
    await accountant.get(`${base}/sales-orders/${order.id}`).expect(200);
    await accountant.post(`${base}/sales-orders/${order.id}/confirm`).expect(403);
    const staff = await addMember(api, owner, businessId, 'staff');
    const c = await confirm(order.id, staff);
    await staff.post(`${base}/sales-orders/${order.id}/shipments`, { lines: [{ orderLineId: c.lines[0].id, quantity: '1' }] }).expect(201);
    await accountant.post(`${base}/sales-orders/${order.id}/shipments`, { lines: [{ orderLineId: c.lines[0].id, quantity: '1' }] }).expect(403);
    // Billing is the accountant's: invoices.issue.
    await accountant.post(`${base}/sales-orders/${order.id}/invoice`, {}).expect(201);

    const db = await sqlAs('postgres');
    const audit = await db.query(
      `SELECT action FROM audit_events WHERE business_id = $1 AND target_id = $2 ORDER BY created_at`,
      [businessId, order.id],
    );
    await db.end();
    expect(audit.rows.map((r) => r.action)).toEqual(['sales_order.confirmed', 'sales_order.shipped', 'sales_order.invoiced']);
  });

  it('refuses orders for another business\'s customer, an archived location, and unknown lines', async () => {
    const tea = await product('TEA-CHECKS');
    const other = await signUp(api, 'Checker');
    const otherBusiness = await createBusiness(other, 'Checks Ltd');
    const foreign = (await other.post(`/api/businesses/${otherBusiness}/contacts`, { kind: 'customer', name: 'Theirs' }).expect(201)).body.id;
    const res = await owner.post(`${base}/sales-orders`, { contactId: foreign, lines: [{ productId: tea, quantity: '1' }] }).expect(400);
    expect(res.body.error.fields).toEqual([expect.objectContaining({ field: 'contactId', code: 'not_found' })]);

    const shop = (await owner.post(`${base}/locations`, { code: 'ARCH', name: 'Old shop' }).expect(201)).body.id;
    const order = await createOrder([{ productId: tea, quantity: '1' }], { locationId: shop });
    await owner.post(`${base}/locations/${shop}/archive`).expect(200);
    const refused = await owner.post(`${base}/sales-orders/${order.id}/confirm`).expect(400);
    expect(refused.body.error.fields).toEqual([expect.objectContaining({ field: 'locationId', code: 'archived' })]);
    await owner.post(`${base}/sales-orders/${order.id}/shipments`, { lines: [{ orderLineId: order.lines[0].id, quantity: '1' }] }).expect(409);
  });
});
