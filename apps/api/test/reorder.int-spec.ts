import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { WorkerModule } from '../src/app/worker.module';
import { loadConfig } from '../src/config/config';
import { Db } from '../src/db/db';
import { JobRunner } from '../src/jobs/job-runner';
import { StockService } from '../src/modules/inventory/stock.service';
import { addMember, Api, privateDatabase, Session, signUp, sqlAs, startApi } from './harness';
import { PrivateRedis } from './redis-server';
import { testEnv } from './test-env';

describe('reorder rules, low-stock notifications and suggestions', () => {
  let redis: PrivateRedis;
  let api: Api;
  let worker: INestApplicationContext;
  let runner: JobRunner;
  let owner: Session;
  let databaseName: string;
  let businessId: string;
  let base: string;
  let main: string;

  const sql = async (text: string, params: unknown[] = []) => {
    const db = await sqlAs('postgres', databaseName);
    try {
      return (await db.query(text, params)).rows;
    } finally {
      await db.end();
    }
  };
  const product = async (sku: string, purchaseCost: string | null = '2.00') =>
    (await owner.post(`${base}/products`, { sku, name: `Product ${sku}`, trackStock: true, purchaseCost }).expect(201)).body.id as string;
  const adjust = (productId: string, quantityChange: string, reason = quantityChange.startsWith('-') ? 'lost' : 'found') =>
    owner.post(`${base}/stock/adjustments`, { locationId: main, reason, lines: [{ productId, quantityChange, unitCost: '2.00' }] }).expect(201);
  /** The outbox rows the stock operations wrote for the reorder check, not yet done. */
  const pendingChecks = () =>
    sql(`SELECT id, payload FROM outbox WHERE business_id = $1 AND job = 'stock.check-reorder' AND status <> 'done' ORDER BY created_at`, [businessId]);
  /** Delivers each pending check `times` times at once, as a redelivering queue would. */
  const deliverChecks = async (times = 1) => {
    const rows = await pendingChecks();
    for (const row of rows) {
      const job = { id: row.id, name: 'stock.check-reorder', data: { payload: row.payload, outbox: { businessId, id: row.id } }, attemptsMade: 0 };
      await Promise.all(Array.from({ length: times }, () => runner.process(job)));
    }
    return rows.length;
  };
  const scan = () => runner.process({ id: 'scan', name: 'stock.reorder-scan', data: { payload: {}, outbox: null }, attemptsMade: 0 });
  const notifications = async (s: Session = owner) => (await s.get(`${base}/notifications`).expect(200)).body;
  const suggestions = async (status = 'open') => (await owner.get(`${base}/reorder-suggestions?status=${status}`).expect(200)).body;

  beforeAll(async () => {
    const { DATABASE_NAME, ...urls } = await privateDatabase('reorder');
    databaseName = DATABASE_NAME;
    redis = await PrivateRedis.create();
    await redis.start();
    api = await startApi({ ...urls, REDIS_URL: redis.url });
    const config = loadConfig(testEnv({ ...urls, REDIS_URL: redis.url }));
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, { relay: false, scheduler: false }), { logger: false });
    await worker.init();
    runner = worker.get(JobRunner);
    owner = await signUp(api, 'Reorder Owner');
    businessId = (await owner.post('/api/businesses', { name: 'Reorder Shop', baseCurrency: 'USD', timezone: 'UTC' }).expect(201)).body.id;
    base = `/api/businesses/${businessId}`;
    main = (await owner.get(`${base}/locations`).expect(200)).body.items[0].id;
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await redis?.stop();
  });

  it('raises exactly one notification and one suggestion per low-stock episode, and re-arms when stock recovers', async () => {
    const tea = await product('LOW-TEA');
    await adjust(tea, '10');
    // No rule yet: stock operations leave no reorder work behind.
    expect(await pendingChecks()).toHaveLength(0);

    const rule = await owner.post(`${base}/reorder-rules`, { productId: tea, locationId: main, reorderPoint: '5', reorderQuantity: '20' }).expect(201);
    expect(rule.body).toMatchObject({ reorderPoint: '5', reorderQuantity: '20', available: '10', low: false, alertedAt: null });
    const dup = await owner.post(`${base}/reorder-rules`, { productId: tea, locationId: main, reorderPoint: '1', reorderQuantity: '1' }).expect(409);
    expect(dup.body.error).toMatchObject({ code: 'REORDER_RULE_EXISTS', fields: [expect.objectContaining({ field: 'productId' })] });

    await adjust(tea, '-6'); // 4 left, below the point of 5
    expect((await notifications()).unreadCount).toBe(0);
    // The queue delivers the check three times at once, and the scan runs twice: still one alert.
    expect(await deliverChecks(3)).toBe(1);
    await scan();
    await scan();
    const first = await notifications();
    expect(first.unreadCount).toBe(1);
    expect(first.items).toEqual([
      expect.objectContaining({
        kind: 'low_stock',
        readAt: null,
        params: expect.objectContaining({ sku: 'LOW-TEA', locationCode: 'MAIN', available: '4', reorderPoint: '5', reorderQuantity: '20' }),
        target: { type: 'reorder_suggestion', id: expect.any(String) },
      }),
    ]);
    const open = await suggestions();
    expect(open.canConvert).toBe(true);
    expect(open.items).toEqual([
      expect.objectContaining({
        id: first.items[0].target.id,
        status: 'open',
        quantity: '20',
        availableAtAlert: '4',
        availableNow: '4',
        estimatedCost: { amountMinor: '4000', currency: 'USD' },
      }),
    ]);
    expect(await pendingChecks()).toHaveLength(0);

    // Going lower within the same episode raises nothing new.
    await adjust(tea, '-1');
    await deliverChecks();
    expect((await notifications()).items).toHaveLength(1);

    // Stock recovers above the point: the rule re-arms and the open suggestion closes by itself.
    await adjust(tea, '10');
    await deliverChecks();
    expect((await owner.get(`${base}/reorder-rules`).expect(200)).body.items[0]).toMatchObject({ low: false, alertedAt: null, available: '13' });
    expect((await suggestions('dismissed')).items).toEqual([expect.objectContaining({ closedReason: 'stock_recovered' })]);
    expect((await suggestions()).items).toHaveLength(0);

    // A new fall is a new episode: a second notification and suggestion.
    await adjust(tea, '-9');
    await deliverChecks(2);
    const second = await notifications();
    expect(second.unreadCount).toBe(2);
    expect(second.items[0].params.available).toBe('4');
    expect((await suggestions()).items).toHaveLength(1);
    const rows = await sql(`SELECT episode, low_since IS NOT NULL AS low FROM reorder_rules WHERE id = $1`, [rule.body.id]);
    expect(rows).toEqual([{ episode: 2, low: true }]);
  });

  it('alerts at once for a rule set below current stock, follows rule changes, and reservations count', async () => {
    const jar = await product('LOW-JAR');
    await adjust(jar, '3');
    const rule = (await owner.post(`${base}/reorder-rules`, { productId: jar, locationId: main, reorderPoint: '3', reorderQuantity: '12' }).expect(201)).body;
    expect(rule).toMatchObject({ low: true, alertedAt: expect.any(String) });
    const raised = (await suggestions()).items.find((g: { product: { sku: string } }) => g.product.sku === 'LOW-JAR');
    expect(raised).toMatchObject({ quantity: '12', supplier: null });

    const supplier = (await owner.post(`${base}/contacts`, { kind: 'supplier', name: 'Jar Supplier' }).expect(201)).body.id;
    const customer = (await owner.post(`${base}/contacts`, { kind: 'customer', name: 'Not A Supplier' }).expect(201)).body.id;
    const bad = await owner.patch(`${base}/reorder-rules/${rule.id}`, { preferredSupplierId: customer, reorderQuantity: '0' }).expect(400);
    expect(bad.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['preferredSupplierId', 'reorderQuantity']);
    await owner.patch(`${base}/reorder-rules/${rule.id}`, { preferredSupplierId: supplier, reorderQuantity: '24' }).expect(200);
    const followed = (await suggestions()).items.find((g: { id: string }) => g.id === raised.id);
    expect(followed).toMatchObject({ quantity: '24', supplier: { id: supplier, name: 'Jar Supplier' } });

    // Lowering the point below the stock ends the episode.
    await owner.patch(`${base}/reorder-rules/${rule.id}`, { reorderPoint: '1' }).expect(200);
    expect((await suggestions('dismissed')).items.map((g: { id: string }) => g.id)).toContain(raised.id);

    // Reserving stock for an order lowers what is available: that alone can make a product low.
    const stock = api.app.get(StockService);
    await api.app.get(Db).tenant(businessId, (t) =>
      stock.reserve(t, {
        productId: jar,
        locationId: main,
        quantity: 20_000n,
        sourceType: 'test_order',
        sourceId: '00000000-0000-4000-8000-000000000001',
        sourceLineId: '00000000-0000-4000-8000-000000000002',
        partial: false,
      }),
    );
    expect(await deliverChecks()).toBe(1);
    expect((await owner.get(`${base}/reorder-rules?state=low&productId=${jar}`).expect(200)).body.items).toEqual([
      expect.objectContaining({ id: rule.id, onHand: '3', reserved: '2', available: '1', low: true }),
    ]);

    await owner.delete(`${base}/reorder-rules/${rule.id}`).expect(204);
    const closed = (await suggestions('dismissed')).items.filter((g: { product: { sku: string } }) => g.product.sku === 'LOW-JAR');
    expect(closed.map((g: { closedReason: string }) => g.closedReason).sort()).toEqual(['rule_removed', 'stock_recovered']);
    await owner.delete(`${base}/reorder-rules/${rule.id}`).expect(404);
  });

  it('catches up on a schedule when no stock moved (a product deactivated)', async () => {
    const pot = await product('LOW-POT');
    await owner.post(`${base}/reorder-rules`, { productId: pot, locationId: main, reorderPoint: '2', reorderQuantity: '5' }).expect(201);
    const episode = (await suggestions()).items.find((g: { product: { sku: string } }) => g.product.sku === 'LOW-POT');
    expect(episode).toBeDefined();
    // Deactivating moves no stock and writes no outbox row; the scan closes the episode.
    await owner.post(`${base}/products/${pot}/deactivate`).expect(200);
    expect(await pendingChecks()).toHaveLength(0);
    await scan();
    expect((await suggestions('dismissed')).items.map((g: { id: string }) => g.id)).toContain(episode.id);
    await scan();
    const rows = await sql(`SELECT count(*)::int AS n FROM reorder_suggestions WHERE business_id = $1 AND product_id = $2`, [businessId, pot]);
    expect(rows[0].n).toBe(1);
  });

  it('marks notifications read per member', async () => {
    const staff = await addMember(api, owner, businessId, 'staff');
    const mine = await notifications(staff);
    expect(mine.unreadCount).toBeGreaterThan(0);
    const id = mine.items[0].id;
    const read = await staff.post(`${base}/notifications/${id}/read`).expect(200);
    expect(read.body.readAt).toEqual(expect.any(String));
    expect((await staff.get(`${base}/notifications/unread-count`).expect(200)).body.count).toBe(mine.unreadCount - 1);
    // The owner's marks are the owner's own.
    const ownerBefore = (await owner.get(`${base}/notifications/unread-count`).expect(200)).body.count;
    expect(ownerBefore).toBe(mine.unreadCount);
    const all = await owner.post(`${base}/notifications/read-all`).expect(200);
    expect(all.body.marked).toBe(ownerBefore);
    expect((await owner.get(`${base}/notifications/unread-count`).expect(200)).body.count).toBe(0);
    expect((await owner.get(`${base}/notifications?unread=true`).expect(200)).body.items).toEqual([]);
    await owner.post(`${base}/notifications/00000000-0000-4000-8000-000000000000/read`).expect(404);
  });

  it('turns a suggestion into a draft purchase order in one click, once, and dismisses others', async () => {
    const cup = await product('LOW-CUP', '1.25');
    const supplier = (await owner.post(`${base}/contacts`, { kind: 'supplier', name: 'Cup Supplier' }).expect(201)).body.id;
    await owner.post(`${base}/reorder-rules`, { productId: cup, locationId: main, reorderPoint: '0', reorderQuantity: '40', preferredSupplierId: supplier }).expect(201);
    const list = await suggestions();
    expect(list.canConvert).toBe(true);
    const g = list.items.find((x: { product: { sku: string } }) => x.product.sku === 'LOW-CUP');
    const converted = await owner.post(`${base}/reorder-suggestions/${g.id}/convert`, { quantity: '48' });
    expect(converted.status).toBeLessThan(300);
    expect(converted.body).toMatchObject({ suggestion: { status: 'converted', closedReason: 'converted', quantity: '48' } });
    const orderId = converted.body.purchaseOrder.id;
    expect(converted.body.suggestion.purchaseOrderId).toBe(orderId);
    const order = (await owner.get(`${base}/purchase-orders/${orderId}`).expect(200)).body;
    expect(order).toMatchObject({ status: 'draft', contact: expect.objectContaining({ id: supplier }) });
    expect(order.lines).toEqual([expect.objectContaining({ productId: cup, quantity: '48', unitCost: expect.objectContaining({ amountMinor: '125' }) })]);
    // A second click finds the same order and drafts nothing more.
    const again = await owner.post(`${base}/reorder-suggestions/${g.id}/convert`, {});
    expect(again.body.purchaseOrder.id).toBe(orderId);
    const drafts = await sql(`SELECT count(*)::int AS n FROM purchase_orders WHERE business_id = $1`, [businessId]);
    expect(drafts[0].n).toBe(1);
    await owner.post(`${base}/reorder-suggestions/${g.id}/dismiss`).expect(409);

    const jug = await product('LOW-JUG');
    await owner.post(`${base}/reorder-rules`, { productId: jug, locationId: main, reorderPoint: '0', reorderQuantity: '3' }).expect(201);
    const h = (await suggestions()).items.find((x: { product: { sku: string } }) => x.product.sku === 'LOW-JUG');
    const noSupplier = await owner.post(`${base}/reorder-suggestions/${h.id}/convert`, {}).expect(400);
    expect(noSupplier.body.error.fields).toEqual([expect.objectContaining({ field: 'supplierId' })]);
    const dismissed = await owner.post(`${base}/reorder-suggestions/${h.id}/dismiss`).expect(200);
    expect(dismissed.body).toMatchObject({ status: 'dismissed', closedReason: 'dismissed' });
    await owner.post(`${base}/reorder-suggestions/${h.id}/convert`, { supplierId: supplier }).expect(409);
  });
});
