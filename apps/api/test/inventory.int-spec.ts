import { Db } from '../src/db/db';
import { StockService } from '../src/modules/inventory/stock.service';
import { Api, addMember, createBusiness, Session, signUp, startApi } from './harness';

describe('inventory', () => {
  let api: Api;
  let owner: Session;
  let businessId: string;
  let base: string;
  let main: string;

  const product = async (sku: string, opts: { trackStock?: boolean; purchaseCost?: string } = {}) =>
    (
      await owner
        .post(`${base}/products`, { sku, name: `Product ${sku}`, trackStock: opts.trackStock ?? true, purchaseCost: opts.purchaseCost ?? null })
        .expect(201)
    ).body.id as string;
  const adjust = (locationId: string, lines: object[], reason = 'found') => owner.post(`${base}/stock/adjustments`, { locationId, reason, lines });

  beforeAll(async () => {
    api = await startApi();
    owner = await signUp(api, 'Stock Owner');
    businessId = await createBusiness(owner, 'Stock Shop');
    base = `/api/businesses/${businessId}`;
    const locations = await owner.get(`${base}/locations`).expect(200);
    main = locations.body.items[0].id;
  });
  afterAll(() => api.close());

  it('gives a new business a default location, and manages locations', async () => {
    const list = await owner.get(`${base}/locations`).expect(200);
    expect(list.body.items).toEqual([expect.objectContaining({ code: 'MAIN', isDefault: true, archivedAt: null })]);

    const shop = await owner.post(`${base}/locations`, { code: 'SH1', name: 'Corner shop', kind: 'shop' }).expect(201);
    expect(shop.body).toMatchObject({ code: 'SH1', kind: 'shop', isDefault: false, value: { amountMinor: '0', currency: 'USD' } });
    const dup = await owner.post(`${base}/locations`, { code: 'sh1', name: 'Again' }).expect(409);
    expect(dup.body.error).toMatchObject({ code: 'LOCATION_CODE_TAKEN', fields: [expect.objectContaining({ field: 'code' })] });

    await owner.post(`${base}/locations/${main}/archive`).expect(409);
    await owner.post(`${base}/locations/${shop.body.id}/archive`).expect(200);
    expect((await owner.get(`${base}/locations`).expect(200)).body.items).toHaveLength(1);
    expect((await owner.get(`${base}/locations?includeArchived=true`).expect(200)).body.items).toHaveLength(2);
    await owner.post(`${base}/locations/${shop.body.id}/restore`).expect(200);
  });

  it('adjusts stock in and out at cost, refuses to go below zero, and posts every change to the ledger', async () => {
    const tea = await product('TEA-1');
    const added = await adjust(main, [{ productId: tea, quantityChange: '10', unitCost: '2.50' }], 'opening').expect(201);
    expect(added.body).toMatchObject({ kind: 'adjustment', value: { amountMinor: '2500' }, movements: [expect.objectContaining({ quantity: '10' })] });
    expect(added.body.journalEntryId).toEqual(expect.any(String));

    const removed = await adjust(main, [{ productId: tea, quantityChange: '-4' }], 'damaged').expect(201);
    expect(removed.body.value).toEqual({ amountMinor: '-1000', currency: 'USD' });

    const tooMany = await adjust(main, [{ productId: tea, quantityChange: '-7' }], 'lost').expect(409);
    expect(tooMany.body.error).toMatchObject({
      code: 'INSUFFICIENT_STOCK',
      fields: [{ field: 'lines.0.quantityChange', code: 'insufficient_stock', message: 'only 6 pcs available' }],
    });

    const stock = await owner.get(`${base}/products/${tea}/stock`).expect(200);
    expect(stock.body).toMatchObject({ onHand: '6', reserved: '0', available: '6', value: { amountMinor: '1500' } });

    const valuation = await owner.get(`${base}/stock/valuation`).expect(200);
    expect(valuation.body.total).toEqual(valuation.body.ledgerBalance);
    expect(valuation.body.rows).toEqual(
      expect.arrayContaining([expect.objectContaining({ quantity: '6', value: { amountMinor: '1500', currency: 'USD' }, unitCost: { amountMinor: '250', currency: 'USD' } })]),
    );
  });

  it('transfers between locations at cost and keeps a stock card with running balances', async () => {
    const jar = await product('JAR-1');
    const shop = (await owner.post(`${base}/locations`, { code: 'SH2', name: 'Second shop', kind: 'shop' }).expect(201)).body.id;
    await adjust(main, [{ productId: jar, quantityChange: '3', unitCost: '1.00' }]).expect(201);
    await adjust(main, [{ productId: jar, quantityChange: '1', unitCost: '3.00' }]).expect(201); // 4 worth 6.00
    const moved = await owner
      .post(`${base}/stock/transfers`, { fromLocationId: main, toLocationId: shop, lines: [{ productId: jar, quantity: '2' }] })
      .expect(201);
    expect(moved.body).toMatchObject({ kind: 'transfer', value: { amountMinor: '0' }, toLocation: { code: 'SH2' } });
    expect(moved.body.journalEntryId).toBeNull();

    const card = await owner.get(`${base}/products/${jar}/stock-card`).expect(200);
    expect(card.body.items.map((e: { kind: string; quantity: string; balanceQuantity: string; balanceValue: { amountMinor: string } }) => [
      e.kind,
      e.quantity,
      e.balanceQuantity,
      e.balanceValue.amountMinor,
    ])).toEqual([
      ['transfer_in', '2', '4', '600'],
      ['transfer_out', '-2', '2', '300'],
      ['adjustment', '1', '4', '600'],
      ['adjustment', '3', '3', '300'],
    ]);
    const atShop = await owner.get(`${base}/products/${jar}/stock-card?locationId=${shop}`).expect(200);
    expect(atShop.body.items).toEqual([expect.objectContaining({ kind: 'transfer_in', balanceQuantity: '2', balanceValue: { amountMinor: '300', currency: 'USD' } })]);

    const page1 = await owner.get(`${base}/products/${jar}/stock-card?limit=3`).expect(200);
    expect(page1.body.items).toHaveLength(3);
    const page2 = await owner.get(`${base}/products/${jar}/stock-card?limit=3&cursor=${page1.body.nextCursor}`).expect(200);
    expect(page2.body.items).toEqual([expect.objectContaining({ kind: 'adjustment', quantity: '3' })]);
    expect(page2.body.nextCursor).toBeNull();

    await owner
      .post(`${base}/stock/transfers`, { fromLocationId: main, toLocationId: main, lines: [{ productId: jar, quantity: '1' }] })
      .expect(400);
    const levels = await owner.get(`${base}/stock/levels?locationId=${shop}`).expect(200);
    expect(levels.body.items).toEqual([expect.objectContaining({ onHand: '2', available: '2', location: expect.objectContaining({ code: 'SH2' }) })]);
  });

  it('refuses stock movements of services and of products that do not track stock', async () => {
    const plain = await product('PLAIN-1', { trackStock: false });
    const res = await adjust(main, [{ productId: plain, quantityChange: '1' }]).expect(400);
    expect(res.body.error.fields).toEqual([expect.objectContaining({ field: 'lines.0.productId', code: 'not_stocked' })]);
  });

  it('locks the valuation method once stock has moved, and refuses negative stock unless allowed', async () => {
    const other = await createBusiness(owner, 'Fresh Shop');
    const ob = `/api/businesses/${other}`;
    await owner.put(`${ob}/inventory-settings`, { valuationMethod: 'fifo' }).expect(200);
    const loc = (await owner.get(`${ob}/locations`).expect(200)).body.items[0].id;
    const p = (await owner.post(`${ob}/products`, { sku: 'X', name: 'X', trackStock: true, purchaseCost: '5.00' }).expect(201)).body.id;
    await owner.post(`${ob}/stock/adjustments`, { locationId: loc, reason: 'found', lines: [{ productId: p, quantityChange: '1' }] }).expect(201);
    const locked = await owner.put(`${ob}/inventory-settings`, { valuationMethod: 'moving_average' }).expect(409);
    expect(locked.body.error.code).toBe('VALUATION_LOCKED');
    expect((await owner.get(`${ob}/inventory-settings`).expect(200)).body).toEqual({
      valuationMethod: 'fifo',
      allowNegativeStock: false,
      valuationMethodLocked: true,
    });

    // With negative stock allowed, the shortfall is costed at the last receipt (the purchase cost here).
    await owner.put(`${ob}/inventory-settings`, { allowNegativeStock: true }).expect(200);
    const out = await owner
      .post(`${ob}/stock/adjustments`, { locationId: loc, reason: 'lost', lines: [{ productId: p, quantityChange: '-3' }] })
      .expect(201);
    expect(out.body.value.amountMinor).toBe('-1500');
    const refused = await owner.put(`${ob}/inventory-settings`, { allowNegativeStock: false }).expect(409);
    expect(refused.body.error.fields[0].field).toBe('allowNegativeStock');
    const v = (await owner.get(`${ob}/stock/valuation`).expect(200)).body;
    expect(v.total).toEqual(v.ledgerBalance);
  });

  it('never lets two reservations take the same last unit', async () => {
    const last = await product('LAST-1');
    await adjust(main, [{ productId: last, quantityChange: '1', unitCost: '1.00' }]).expect(201);
    const db = api.app.get(Db);
    const stock = api.app.get(StockService);
    const reserve = (n: number) =>
      db.tenant(businessId, (t) =>
        stock.reserve(t, {
          productId: last,
          locationId: main,
          quantity: 10_000n,
          sourceType: 'test_order',
          sourceId: '00000000-0000-4000-8000-00000000000' + n,
          sourceLineId: '00000000-0000-4000-8000-00000000010' + n,
          partial: false,
        }),
      );
    const results = await Promise.allSettled([reserve(1), reserve(2), reserve(3)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code)).toEqual([
      'INSUFFICIENT_STOCK',
      'INSUFFICIENT_STOCK',
    ]);
    const s = await owner.get(`${base}/products/${last}/stock`).expect(200);
    expect(s.body).toMatchObject({ onHand: '1', reserved: '1', available: '0' });
    // A write-off records what physically happened, so it may take reserved stock (the order then runs short).
    await adjust(main, [{ productId: last, quantityChange: '-1' }], 'lost').expect(201);
  });

  it('lets staff move stock but not change settings or locations; exports CSV', async () => {
    const staff = await addMember(api, owner, businessId, 'staff');
    await staff.get(`${base}/stock/levels`).expect(200);
    await staff.put(`${base}/inventory-settings`, { allowNegativeStock: true }).expect(403);
    await staff.post(`${base}/locations`, { code: 'NOPE', name: 'Nope' }).expect(403);

    const csv = await owner.get(`${base}/stock/movements.csv`).expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text).toContain('date,kind,sku,product,unit,location,quantity,currency,value');
    expect(csv.text).toContain('TEA-1');
    const val = await owner.get(`${base}/stock/valuation.csv`).expect(200);
    expect(val.text).toContain('sku,product,unit,quantity,currency,unit_cost,value');
  });
});
