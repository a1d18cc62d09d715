import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { parseCsv } from '../src/modules/catalog/csv/csv';
import { addMember, Api, createBusiness, Session, signUp, sqlAs, startApi } from './harness';

/** Products and services: prices, tax rates, SKU uniqueness, lists, delete-in-use, CSV in and out. */
describe('products and services', () => {
  let api: Api;
  let owner: Session;
  let businessId: string;
  let base: string;
  let vat: { id: string };
  let reduced: { id: string };

  beforeAll(async () => {
    api = await startApi();
    owner = await signUp(api, 'Products Owner');
    businessId = await createBusiness(owner, 'Products Co');
    base = `/api/businesses/${businessId}/products`;
    vat = (await owner.post(`/api/businesses/${businessId}/tax-rates`, { name: 'VAT', rate: '13' }).expect(201)).body;
    reduced = (await owner.post(`/api/businesses/${businessId}/tax-rates`, { name: 'Reduced', rate: '6' }).expect(201)).body;
  });
  afterAll(() => api.close());

  describe('create, read, update', () => {
    it('creates a product with money in the base currency and the default tax rate', async () => {
      const res = await owner
        .post(base, { sku: ' TEA-LJ-250 ', name: 'Longjing 250 g', salesPrice: '58.5', purchaseCost: '32.00', trackStock: true })
        .expect(201);
      expect(res.body).toMatchObject({
        sku: 'TEA-LJ-250',
        kind: 'product',
        unit: 'pcs',
        salesPrice: { amountMinor: '5850', currency: 'USD' },
        purchaseCost: { amountMinor: '3200', currency: 'USD' },
        taxRate: { id: vat.id, name: 'VAT', rate: '13', active: true },
        trackStock: true,
        active: true,
        description: null,
      });
      expect((await owner.get(`${base}/${res.body.id}`).expect(200)).body).toEqual(res.body);
    });

    it('creates a service with no tax and defaults', async () => {
      const res = await owner.post(base, { sku: 'SVC-1', name: 'Tasting session', kind: 'service', unit: 'h', taxRateId: null }).expect(201);
      expect(res.body).toMatchObject({ kind: 'service', unit: 'h', taxRate: null, salesPrice: { amountMinor: '0' }, purchaseCost: null });
    });

    it('names every invalid field', async () => {
      const res = await owner
        .post(base, { sku: '', name: '', kind: 'thing', salesPrice: '-1', purchaseCost: '1.2.3', taxRateId: 'x', trackStock: 'yes' })
        .expect(400);
      expect(res.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(
        ['kind', 'name', 'purchaseCost', 'salesPrice', 'sku', 'taxRateId', 'trackStock'].sort(),
      );
      const precision = await owner.post(base, { sku: 'P-1', name: 'P', salesPrice: '1.005' }).expect(400);
      expect(precision.body.error.fields).toEqual([
        { field: 'salesPrice', code: 'too_precise', message: 'must have at most 2 decimal places for USD' },
      ]);
      const stock = await owner.post(base, { sku: 'S-1', name: 'S', kind: 'service', trackStock: true }).expect(400);
      expect(stock.body.error.fields[0].field).toBe('trackStock');
    });

    it('accepts only active tax rates of the business', async () => {
      const other = await createBusiness(owner, 'Other Co');
      const foreign = (await owner.post(`/api/businesses/${other}/tax-rates`, { name: 'Foreign', rate: '5' }).expect(201)).body;
      const res = await owner.post(base, { sku: 'T-1', name: 'T', taxRateId: foreign.id }).expect(400);
      expect(res.body.error.fields[0]).toMatchObject({ field: 'taxRateId', code: 'invalid_tax_rate' });

      const p = (await owner.post(base, { sku: 'T-2', name: 'T2', taxRateId: reduced.id }).expect(201)).body;
      const temp = (await owner.post(`/api/businesses/${businessId}/tax-rates`, { name: 'Temp', rate: '1' }).expect(201)).body;
      await owner.post(`/api/businesses/${businessId}/tax-rates/${temp.id}/deactivate`).expect(200);
      await owner.patch(`${base}/${p.id}`, { taxRateId: temp.id }).expect(400);
      // A rate deactivated after it was chosen stays on the product.
      await owner.post(`/api/businesses/${businessId}/tax-rates/${reduced.id}/deactivate`).expect(200);
      const kept = await owner.patch(`${base}/${p.id}`, { name: 'T2 renamed', taxRateId: reduced.id }).expect(200);
      expect(kept.body.taxRate).toMatchObject({ id: reduced.id, active: false });
      await owner.post(`/api/businesses/${businessId}/tax-rates/${reduced.id}/activate`).expect(200);
    });

    it('updates a subset and clears optional fields with null', async () => {
      const p = (await owner.post(base, { sku: 'UPD-1', name: 'Before', description: 'Old', purchaseCost: '1.00' }).expect(201)).body;
      const res = await owner
        .patch(`${base}/${p.id}`, { name: 'After', salesPrice: '10', description: null, purchaseCost: null, taxRateId: null })
        .expect(200);
      expect(res.body).toMatchObject({
        sku: 'UPD-1',
        name: 'After',
        salesPrice: { amountMinor: '1000' },
        description: null,
        purchaseCost: null,
        taxRate: null,
      });
      const bad = await owner.patch(`${base}/${p.id}`, { sku: null, salesPrice: null }).expect(400);
      expect(bad.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['salesPrice', 'sku']);
      await owner.patch(`${base}/${p.id}`, { kind: 'service', trackStock: true }).expect(400);
    });
  });

  describe('SKU uniqueness', () => {
    it('refuses a SKU another product has, ignoring case, on create and on update', async () => {
      await owner.post(base, { sku: 'ABC-1', name: 'First' }).expect(201);
      const dup = await owner.post(base, { sku: 'abc-1', name: 'Second' }).expect(409);
      expect(dup.body.error).toMatchObject({ code: 'SKU_TAKEN', fields: [{ field: 'sku', code: 'taken' }] });
      const other = (await owner.post(base, { sku: 'ABC-2', name: 'Other' }).expect(201)).body;
      await owner.patch(`${base}/${other.id}`, { sku: 'Abc-1' }).expect(409);
      // Renaming to itself in another case is fine.
      await owner.patch(`${base}/${other.id}`, { sku: 'abc-2' }).expect(200);
    });

    it('lets another business use the same SKU', async () => {
      const other = await createBusiness(owner, 'Second Shop');
      await owner.post(`/api/businesses/${other}/products`, { sku: 'ABC-1', name: 'Same SKU elsewhere' }).expect(201);
    });

    it('enforces it in the database under concurrency', async () => {
      const results = await Promise.all(Array.from({ length: 8 }, (_, i) => owner.post(base, { sku: 'RACE-1', name: `Racer ${i}` })));
      const statuses = results.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(7);
      for (const r of results.filter((x) => x.status === 409)) expect(r.body.error.code).toBe('SKU_TAKEN');
    });
  });

  describe('lists', () => {
    let listBase: string;
    let truth: { id: string; sku: string; name: string; kind: string; active: boolean }[];

    beforeAll(async () => {
      const shop = await createBusiness(owner, 'List Shop');
      listBase = `/api/businesses/${shop}/products`;
      const skus = fc.sample(fc.string({ unit: fc.constantFrom('a', 'B', 'b', '1', '-'), minLength: 1, maxLength: 4 }), { numRuns: 120, seed: 3 });
      const unique = [...new Map(skus.map((s) => [s.toLowerCase(), s])).values()].slice(0, 40);
      for (const [i, sku] of unique.entries()) {
        const p = await owner
          .post(listBase, { sku: `${sku}-${i % 3}`, name: ['Tea', 'tea', 'Cup', 'cup set'][i % 4], kind: i % 5 ? 'product' : 'service' })
          .expect(201);
        if (i % 6 === 0) await owner.post(`${listBase}/${p.body.id}/deactivate`).expect(200);
      }
      const db = await sqlAs('postgres');
      truth = (await db.query(`SELECT id, sku, name, kind, active FROM products WHERE business_id = $1`, [shop])).rows;
      await db.end();
    });

    const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

    it('pages through each sort and filter like an in-memory sort (property)', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom('sku', '-sku', 'name', '-name'),
          fc.constantFrom(undefined, 'product', 'service'),
          fc.constantFrom(undefined, 'false', 'any'),
          fc.constantFrom(undefined, 'b', 'TEA', '1-', 'cup s'),
          fc.integer({ min: 2, max: 15 }),
          async (sort, kind, active, q, limit) => {
            const field = sort.replace('-', '') as 'sku' | 'name';
            const want = truth
              .filter((p) => (active === 'any' ? true : active === 'false' ? !p.active : p.active))
              .filter((p) => !kind || p.kind === kind)
              .filter((p) => !q || p.sku.toLowerCase().includes(q.toLowerCase()) || p.name.toLowerCase().includes(q.toLowerCase()))
              .sort((a, b) => (sort.startsWith('-') ? -1 : 1) * (cmp(a[field].toLowerCase(), b[field].toLowerCase()) || cmp(a.id, b.id)))
              .map((p) => p.id);
            const got: string[] = [];
            let cursor: string | null = null;
            do {
              const params = new URLSearchParams({ sort, limit: String(limit) });
              if (kind) params.set('kind', kind);
              if (active) params.set('active', active);
              if (q) params.set('q', q);
              if (cursor) params.set('cursor', cursor);
              const res = await owner.get(`${listBase}?${params}`).expect(200);
              got.push(...res.body.items.map((p: { id: string }) => p.id));
              cursor = res.body.nextCursor;
            } while (cursor && got.length <= truth.length);
            expect(got).toEqual(want);
          },
        ),
        { numRuns: 25, seed: 11 },
      );
    });
  });

  describe('deactivate and delete', () => {
    it('deactivates and activates', async () => {
      const p = (await owner.post(base, { sku: 'DEACT-1', name: 'Seasonal' }).expect(201)).body;
      expect((await owner.post(`${base}/${p.id}/deactivate`).expect(200)).body.active).toBe(false);
      expect((await owner.get(`${base}?q=DEACT`).expect(200)).body.items).toEqual([]);
      expect((await owner.get(`${base}?q=DEACT&active=false`).expect(200)).body.items).toHaveLength(1);
      expect((await owner.post(`${base}/${p.id}/activate`).expect(200)).body.active).toBe(true);
    });

    it('deletes an unreferenced product, and refuses with PRODUCT_IN_USE while a row refers to it', async () => {
      const free = (await owner.post(base, { sku: 'DEL-1', name: 'Deletable' }).expect(201)).body;
      await owner.delete(`${base}/${free.id}`).expect(204);
      await owner.get(`${base}/${free.id}`).expect(404);

      const used = (await owner.post(base, { sku: 'DEL-2', name: 'On an invoice' }).expect(201)).body;
      const table = `test_product_refs_${randomBytes(4).toString('hex')}`;
      const db = await sqlAs('postgres');
      try {
        // A stand-in for an invoice line: composite FK ON DELETE RESTRICT.
        await db.query(`CREATE TABLE ${table} (
          business_id uuid NOT NULL, id uuid NOT NULL DEFAULT gen_random_uuid(), product_id uuid NOT NULL,
          PRIMARY KEY (business_id, id),
          FOREIGN KEY (business_id, product_id) REFERENCES products(business_id, id) ON DELETE RESTRICT)`);
        await db.query(`INSERT INTO ${table} (business_id, product_id) VALUES ($1, $2)`, [businessId, used.id]);
        const res = await owner.delete(`${base}/${used.id}`).expect(409);
        expect(res.body.error.code).toBe('PRODUCT_IN_USE');
        await owner.get(`${base}/${used.id}`).expect(200);
      } finally {
        await db.query(`DROP TABLE IF EXISTS ${table}`);
        await db.end();
      }
      await owner.delete(`${base}/${used.id}`).expect(204);
    });
  });

  describe('permissions', () => {
    it('lets staff read and write products but not tax rates', async () => {
      const staff = await addMember(api, owner, businessId, 'staff');
      const p = await staff.post(base, { sku: 'STAFF-1', name: 'Staff product' }).expect(201);
      await staff.patch(`${base}/${p.body.id}`, { salesPrice: '3.00' }).expect(200);
      await staff.post(`${base}/${p.body.id}/deactivate`).expect(200);
      await staff.get(`${base}/export.csv`).expect(200);
      await staff.post(`/api/businesses/${businessId}/tax-rates`, { name: 'Nope', rate: '1' }).expect(403);
    });
  });

  describe('CSV import', () => {
    let shop: string;
    let shopBase: string;
    let shopVat: { id: string };
    const csv = [
      'SKU,Name,Kind,Unit,Sales Price,Purchase Cost,Tax Rate,Track Stock,Active,Description',
      'CUP-1,Celadon cup,product,pcs,25.00,9.5,,yes,,Hand thrown',
      'cup-1,Duplicate in file,product,pcs,1,,,,,',
      'EXIST-1,Already in catalog,,,,,,,,',
      'SVC-9,Brewing class,service,h,120,,none,no,true,',
      'BAD-1,Bad row,widget,,1.001,,Luxury tax,maybe,,',
      'CUP-2,Saucer,,,"1,5",,vat,,false,',
      'TEA-9,Oolong,,,12,,VAT,1,0,',
    ].join('\n');

    beforeAll(async () => {
      shop = await createBusiness(owner, 'Import Shop');
      shopBase = `/api/businesses/${shop}/products`;
      shopVat = (await owner.post(`/api/businesses/${shop}/tax-rates`, { name: 'VAT', rate: '13' }).expect(201)).body;
      await owner.post(`/api/businesses/${shop}/tax-rates`, { name: 'Zero', rate: '0' }).expect(201);
      await owner.post(shopBase, { sku: 'exist-1', name: 'Existing' }).expect(201);
    });
    const skus = async () =>
      (await owner.get(`${shopBase}?active=any&sort=sku&limit=100`).expect(200)).body.items.map((p: { sku: string }) => p.sku);

    it('previews with SKU duplicates in the file and in the catalog, and unknown tax rates', async () => {
      const res = await owner.post(`${shopBase}/import/preview`, { csv }).expect(200);
      expect(res.body.counts).toEqual({ total: 7, valid: 2, invalid: 5 });
      const errors = Object.fromEntries(
        res.body.rows.map((r: { row: number; errors: { field: string; code: string }[] }) => [
          r.row,
          r.errors.map((e) => `${e.field}:${e.code}`).sort(),
        ]),
      );
      expect(errors).toEqual({
        2: ['sku:duplicate'],
        3: ['sku:duplicate'],
        4: ['sku:taken'],
        5: [],
        6: ['kind:invalid_choice', 'tax_rate:invalid_tax_rate', 'track_stock:is_boolean'],
        7: ['sales_price:invalid_format'],
        8: [],
      });
      expect(res.body.rows[0].errors[0].message).toBe('appears more than once in the file (rows 2, 3)');
      expect(await skus()).toEqual(['exist-1']);
    });

    it('names an unknown tax rate and accepts any case of a known one', async () => {
      const res = await owner.post(`${shopBase}/import/preview`, { csv: 'sku,name,tax_rate\r\nX-1,X,Luxury tax\r\nX-2,Y,zERO' }).expect(200);
      expect(res.body.counts).toEqual({ total: 2, valid: 1, invalid: 1 });
      expect(res.body.rows[0].errors).toEqual([
        { row: 2, field: 'tax_rate', code: 'invalid_tax_rate', message: '"Luxury tax" is not the name of an active tax rate (or "none" for no tax)' },
      ]);
    });

    it('imports nothing in all-or-nothing mode', async () => {
      const res = await owner.post(`${shopBase}/import`, { csv, mode: 'all-or-nothing' }).expect(400);
      expect(res.body.error.message).toMatch(/Nothing was imported: 5 of 7 rows have errors \(rows 2, 3, 4, 6, 7\)/);
      expect(res.body.error.fields.map((f: { field: string }) => f.field)).toContain('rows.4.sku');
      expect(await skus()).toEqual(['exist-1']);
    });

    it('imports the valid rows in valid-only mode', async () => {
      const res = await owner.post(`${shopBase}/import`, { csv, mode: 'valid-only' }).expect(201);
      expect(res.body.counts).toEqual({ total: 7, imported: 2, skipped: 5 });
      expect(await skus()).toEqual(['exist-1', 'SVC-9', 'TEA-9']);
      const items = (await owner.get(`${shopBase}?active=any&sort=sku`).expect(200)).body.items;
      expect(items[1]).toMatchObject({ kind: 'service', unit: 'h', salesPrice: { amountMinor: '12000' }, taxRate: null, trackStock: false, active: true });
      expect(items[2]).toMatchObject({ taxRate: { id: shopVat.id }, trackStock: true, active: false, salesPrice: { amountMinor: '1200' } });
      // The same file again: every SKU now exists.
      const again = await owner.post(`${shopBase}/import/preview`, { csv }).expect(200);
      expect(again.body.rows.find((r: { row: number }) => r.row === 8).errors[0].code).toBe('taken');
      const audit = await owner.get(`/api/businesses/${shop}/audit-events`).expect(200);
      expect(audit.body.items.find((e: { action: string }) => e.action === 'products.imported').details).toEqual({
        mode: 'valid-only',
        total: 7,
        imported: 2,
        skipped: 5,
      });
    });

    it('gives rows without a tax_rate cell the default rate', async () => {
      await owner.post(`${shopBase}/import`, { csv: 'sku,name\r\nDEF-1,Defaulted', mode: 'all-or-nothing' }).expect(201);
      const p = (await owner.get(`${shopBase}?q=DEF-1`).expect(200)).body.items[0];
      expect(p.taxRate.id).toBe(shopVat.id);
    });
  });

  describe('CSV export', () => {
    it('exports the filtered list with formulas neutralised, and the file imports back', async () => {
      const shop = await createBusiness(owner, 'Export Shop');
      const shopBase = `/api/businesses/${shop}/products`;
      await owner.post(`/api/businesses/${shop}/tax-rates`, { name: 'GST', rate: '10' }).expect(201);
      await owner.post(shopBase, { sku: '-1', name: '@risk', description: '=cmd|"/c calc"!A1', salesPrice: '9.90' }).expect(201);
      await owner.post(shopBase, { sku: 'B-2', name: 'Plain', kind: 'service', taxRateId: null }).expect(201);
      const off = await owner.post(shopBase, { sku: 'C-3', name: 'Retired' }).expect(201);
      await owner.post(`${shopBase}/${off.body.id}/deactivate`).expect(200);

      const res = await owner.get(`${shopBase}/export.csv?kind=product&active=any&sort=-sku`).expect(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="products-\d{4}-\d{2}-\d{2}\.csv"$/);
      const [header, ...rows] = parseCsv(res.text);
      expect(header).toEqual([
        'sku',
        'name',
        'kind',
        'unit',
        'sales_price',
        'purchase_cost',
        'tax_rate',
        'track_stock',
        'active',
        'description',
        'created_at',
      ]);
      expect(rows.map((r) => r.slice(0, 10))).toEqual([
        ['C-3', 'Retired', 'product', 'pcs', '0.00', '', 'GST', 'false', 'false', ''],
        ["'-1", "'@risk", 'product', 'pcs', '9.90', '', 'GST', 'false', 'true', `'=cmd|"/c calc"!A1`],
      ]);

      const all = await owner.get(`${shopBase}/export.csv?active=any`).expect(200);
      const copy = await createBusiness(owner, 'Export Copy');
      await owner.post(`/api/businesses/${copy}/tax-rates`, { name: 'gst', rate: '10' }).expect(201);
      await owner.post(`/api/businesses/${copy}/products/import`, { csv: all.text, mode: 'all-or-nothing' }).expect(201);
      const strip = (p: Record<string, unknown>) => {
        const { id: _i, createdAt: _c, updatedAt: _u, taxRate, ...rest } = p;
        return { ...rest, taxRate: (taxRate as { rate: string } | null)?.rate ?? null };
      };
      const before = (await owner.get(`${shopBase}?active=any&sort=sku`).expect(200)).body.items.map(strip);
      const after = (await owner.get(`/api/businesses/${copy}/products?active=any&sort=sku`).expect(200)).body.items.map(strip);
      expect(after).toEqual(before);
    });
  });
});
