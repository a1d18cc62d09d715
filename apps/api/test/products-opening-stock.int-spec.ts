import { Db } from '../src/db/db';
import { StockService } from '../src/modules/inventory/stock.service';
import { Api, addMember, createBusiness, Session, signUp, sqlAs, startApi } from './harness';

describe('products CSV import with opening stock, and the stock tracking guard', () => {
  let api: Api;
  let owner: Session;
  let businessId: string;
  let base: string;
  let main: string;
  let shop: string;

  const balances = async () => {
    const db = await sqlAs('postgres');
    try {
      const { rows } = await db.query(
        `SELECT a.system_key AS key, sum(jl.base_amount_minor)::text AS balance FROM journal_lines jl
           JOIN accounts a ON a.business_id = jl.business_id AND a.id = jl.account_id
          WHERE jl.business_id = $1 AND a.system_key IN ('inventory', 'opening_balance_equity') GROUP BY a.system_key`,
        [businessId],
      );
      return Object.fromEntries(rows.map((r) => [r.key, r.balance]));
    } finally {
      await db.end();
    }
  };
  const productBySku = async (sku: string) =>
    (await owner.get(`${base}/products?q=${encodeURIComponent(sku)}`).expect(200)).body.items.find((p: { sku: string }) => p.sku === sku);
  const stockOf = async (productId: string) => (await owner.get(`${base}/products/${productId}/stock`).expect(200)).body;

  beforeAll(async () => {
    api = await startApi();
    owner = await signUp(api, 'Import Owner');
    businessId = await createBusiness(owner, 'Opening Stock Shop');
    base = `/api/businesses/${businessId}`;
    main = (await owner.get(`${base}/locations`).expect(200)).body.items[0].id;
    shop = (await owner.post(`${base}/locations`, { code: 'SHOP', name: 'Shop floor', kind: 'shop' }).expect(201)).body.id;
  });
  afterAll(() => api.close());

  it('previews opening stock with row errors, imports the valid rows and books inventory against opening balance equity', async () => {
    const csv = [
      'sku,name,purchase_cost,track_stock,opening_quantity,opening_unit_cost,location',
      'OS-TEA,Sencha,4.00,,12,,',
      'OS-CUP,Cup,,,5,2.50,shop',
      'OS-POT,Teapot,10.00,true,1.5,,MAIN',
      'OS-BAD-LOC,Bad location,1.00,,3,,NOWHERE',
      'OS-NO-COST,No cost,,,2,,',
      'OS-OFF,Not tracked,1.00,false,2,,',
      'OS-LOC-ONLY,Location only,1.00,,,,SHOP',
      'OS-ZERO,Zero,1.00,,0,,',
      'OS-PLAIN,No stock,3.00,,,,',
    ].join('\r\n');
    const preview = await owner.post(`${base}/products/import/preview`, { csv }).expect(200);
    expect(preview.body.columns).toEqual(['sku', 'name', 'purchase_cost', 'track_stock', 'opening_quantity', 'opening_unit_cost', 'location']);
    const errors = Object.fromEntries(
      preview.body.rows.map((r: { values: { sku: string }; errors: { field: string; code: string }[] }) => [r.values.sku, r.errors.map((e) => `${e.field}:${e.code}`)]),
    );
    expect(errors).toEqual({
      'OS-TEA': [],
      'OS-CUP': [],
      'OS-POT': [],
      'OS-BAD-LOC': ['location:not_found'],
      'OS-NO-COST': ['opening_unit_cost:required'],
      'OS-OFF': ['opening_quantity:not_stocked'],
      'OS-LOC-ONLY': ['location:unused'],
      'OS-ZERO': ['opening_quantity:min'],
      'OS-PLAIN': [],
    });

    const before = await balances();
    const refused = await owner.post(`${base}/products/import`, { csv, mode: 'all-or-nothing' }).expect(400);
    expect(refused.body.error.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'rows.5.location' })]));
    expect(await balances()).toEqual(before);

    const imported = await owner.post(`${base}/products/import`, { csv, mode: 'valid-only' }).expect(201);
    expect(imported.body.counts).toEqual({ total: 9, imported: 4, skipped: 5 });
    // One receipt per location: MAIN holds tea (12 × 4.00) and the pot (1.5 × 10.00), SHOP the cups (5 × 2.50).
    expect(imported.body.openingStock).toEqual(
      expect.arrayContaining([
        { operationId: expect.any(String), locationCode: 'MAIN', lines: 2, value: { amountMinor: '6300', currency: 'USD' } },
        { operationId: expect.any(String), locationCode: 'SHOP', lines: 1, value: { amountMinor: '1250', currency: 'USD' } },
      ]),
    );
    expect(imported.body.openingStock).toHaveLength(2);

    const tea = await productBySku('OS-TEA');
    expect(tea.trackStock).toBe(true);
    expect(await stockOf(tea.id)).toMatchObject({ onHand: '12', value: { amountMinor: '4800' } });
    const cup = await productBySku('OS-CUP');
    expect((await stockOf(cup.id)).locations).toEqual([expect.objectContaining({ location: expect.objectContaining({ code: 'SHOP' }), onHand: '5' })]);
    expect((await productBySku('OS-PLAIN')).trackStock).toBe(false);

    const op = (await owner.get(`${base}/stock/operations/${imported.body.openingStock[0].operationId}`).expect(200)).body;
    expect(op).toMatchObject({ kind: 'receipt', sourceType: 'product_import' });
    expect(op.journalEntryId).toEqual(expect.any(String));

    // The ledger: inventory rose by exactly what opening balance equity was credited.
    const after = await balances();
    expect(BigInt(after.inventory) - BigInt(before.inventory ?? '0')).toBe(7550n);
    expect(BigInt(after.opening_balance_equity) - BigInt(before.opening_balance_equity ?? '0')).toBe(-7550n);
    const valuation = (await owner.get(`${base}/stock/valuation`).expect(200)).body;
    expect(valuation.total).toEqual(valuation.ledgerBalance);

    // The same file again books nothing: its products exist, so every row is refused.
    const again = await owner.post(`${base}/products/import`, { csv, mode: 'valid-only' }).expect(201);
    expect(again.body.counts.imported).toBe(0);
    expect(again.body.openingStock).toEqual([]);
    expect(await balances()).toEqual(after);

    // The export keeps to product columns.
    const exported = await owner.get(`${base}/products/export.csv`).expect(200);
    expect(exported.text.split('\r\n')[0]).not.toContain('opening_quantity');
  });

  it('refuses to stop tracking stock while any is on hand or reserved', async () => {
    const p = (await owner.post(`${base}/products`, { sku: 'GUARD-1', name: 'Guarded', trackStock: true }).expect(201)).body.id;
    await owner.post(`${base}/stock/adjustments`, { locationId: shop, reason: 'found', lines: [{ productId: p, quantityChange: '2', unitCost: '1.00' }] }).expect(201);
    const refused = await owner.patch(`${base}/products/${p}`, { trackStock: false }).expect(400);
    expect(refused.body.error.fields).toEqual([expect.objectContaining({ field: 'trackStock', code: 'stock_on_hand' })]);

    // Moved out, but still held for an order: still refused.
    await owner.post(`${base}/stock/adjustments`, { locationId: shop, reason: 'lost', lines: [{ productId: p, quantityChange: '-2' }] }).expect(201);
    await owner.post(`${base}/stock/adjustments`, { locationId: main, reason: 'found', lines: [{ productId: p, quantityChange: '1', unitCost: '1.00' }] }).expect(201);
    const stock = api.app.get(StockService);
    const { reservationId } = await api.app.get(Db).tenant(businessId, (t) =>
      stock.reserve(t, {
        productId: p,
        locationId: main,
        quantity: 10_000n,
        sourceType: 'test_order',
        sourceId: '00000000-0000-4000-8000-000000000003',
        sourceLineId: '00000000-0000-4000-8000-000000000004',
        partial: false,
      }),
    );
    await api.app.get(Db).tenant(businessId, (t) =>
      stock.ship(t, {
        eventKey: `test-ship-${p}`,
        date: '2026-01-02',
        description: 'Test shipment',
        sourceType: 'test_order',
        locationId: main,
        lines: [{ productId: p, quantity: 5_000n, reservationId }],
      }),
    );
    // Half a unit on hand, half held: refused.
    await owner.patch(`${base}/products/${p}`, { trackStock: false }).expect(400);
    await api.app.get(Db).tenant(businessId, (t) => stock.release(t, reservationId));
    await owner.post(`${base}/stock/adjustments`, { locationId: main, reason: 'lost', lines: [{ productId: p, quantityChange: '-0.5' }] }).expect(201);
    const off = await owner.patch(`${base}/products/${p}`, { trackStock: false }).expect(200);
    expect(off.body.trackStock).toBe(false);
    // And then no stock moves for it.
    await owner
      .post(`${base}/stock/adjustments`, { locationId: main, reason: 'found', lines: [{ productId: p, quantityChange: '1', unitCost: '1.00' }] })
      .expect(400);
  });

  it('lets staff import opening stock (they may move stock)', async () => {
    const staff = await addMember(api, owner, businessId, 'staff');
    const res = await staff
      .post(`${base}/products/import`, { csv: 'sku,name,opening_quantity,opening_unit_cost\r\nSTAFF-OS,Staff tea,3,1.00', mode: 'all-or-nothing' })
      .expect(201);
    expect(res.body.openingStock).toEqual([expect.objectContaining({ locationCode: 'MAIN', lines: 1, value: { amountMinor: '300', currency: 'USD' } })]);
  });
});
