import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { parseCsv } from '../src/modules/catalog/csv/csv';
import { addMember, Api, createBusiness, Session, signUp, sqlAs, startApi } from './harness';

/** Contacts: validation, search/sort/pagination, archive, delete-in-use, permissions, CSV in and out. */
describe('contacts', () => {
  let api: Api;
  let owner: Session;
  let businessId: string;
  let base: string;

  beforeAll(async () => {
    api = await startApi();
    owner = await signUp(api, 'Contacts Owner');
    businessId = await createBusiness(owner, 'Contacts Co');
    base = `/api/businesses/${businessId}/contacts`;
  });
  afterAll(() => api.close());

  describe('create, read, update', () => {
    it('creates a customer with defaults from the business and reads it back', async () => {
      const created = await owner
        .post(base, {
          name: '  Lotus Tea House ',
          email: 'accounts@lotus.example',
          taxId: '91310000MA1FL4XX2K',
          billingAddress: { line1: '88 Nanjing Road', city: 'Shanghai', postalCode: '200001', country: 'cn', line2: '' },
          creditLimit: '5000.5',
          paymentTermsDays: 30,
        })
        .expect(201);
      expect(created.body).toMatchObject({
        name: 'Lotus Tea House',
        kind: 'customer',
        currency: 'USD',
        paymentTermsDays: 30,
        creditLimit: { amountMinor: '500050', currency: 'USD' },
        billingAddress: { line1: '88 Nanjing Road', city: 'Shanghai', postalCode: '200001', country: 'CN' },
        shippingAddress: null,
        archived: false,
        archivedAt: null,
      });
      expect(created.body.billingAddress).not.toHaveProperty('line2');
      const read = await owner.get(`${base}/${created.body.id}`).expect(200);
      expect(read.body).toEqual(created.body);
    });

    it('names every invalid field', async () => {
      const res = await owner
        .post(base, {
          name: '',
          kind: 'friend',
          email: 'not-an-email',
          currency: 'XXX',
          paymentTermsDays: -1,
          creditLimit: '1,000',
          billingAddress: { country: 'China' },
          unexpected: true,
        })
        .expect(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      const fields = res.body.error.fields.map((f: { field: string }) => f.field).sort();
      expect(fields).toEqual(
        ['billingAddress.country', 'creditLimit', 'currency', 'email', 'kind', 'name', 'paymentTermsDays', 'unexpected'].sort(),
      );
    });

    it("checks the credit limit against the currency's decimals", async () => {
      const usd = await owner.post(base, { name: 'Precise', creditLimit: '10.005' }).expect(400);
      expect(usd.body.error.fields).toEqual([
        { field: 'creditLimit', code: 'too_precise', message: 'must have at most 2 decimal places for USD' },
      ]);
      const jpy = await owner.post(base, { name: 'Yen', currency: 'jpy', creditLimit: '100000' }).expect(201);
      expect(jpy.body.creditLimit).toEqual({ amountMinor: '100000', currency: 'JPY' });
    });

    it('updates a subset, clears with null, refuses null for required fields', async () => {
      const c = (await owner.post(base, { name: 'Patch Me', email: 'p@example.test', phone: '+1 555 0100' }).expect(201)).body;
      const res = await owner
        .patch(`${base}/${c.id}`, { kind: 'both', email: null, phone: '', notes: 'Pays on Fridays', shippingAddress: { city: 'Hangzhou' } })
        .expect(200);
      expect(res.body).toMatchObject({
        name: 'Patch Me',
        kind: 'both',
        email: null,
        phone: null,
        notes: 'Pays on Fridays',
        shippingAddress: { city: 'Hangzhou' },
      });
      expect(new Date(res.body.updatedAt).getTime()).toBeGreaterThanOrEqual(new Date(c.updatedAt).getTime());
      const bad = await owner.patch(`${base}/${c.id}`, { name: null, paymentTermsDays: null }).expect(400);
      expect(bad.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['name', 'paymentTermsDays']);
    });

    it('asks to restate the credit limit when the currency changes', async () => {
      const c = (await owner.post(base, { name: 'FX Customer', creditLimit: '100.00' }).expect(201)).body;
      const res = await owner.patch(`${base}/${c.id}`, { currency: 'EUR' }).expect(400);
      expect(res.body.error.fields[0].field).toBe('creditLimit');
      const ok = await owner.patch(`${base}/${c.id}`, { currency: 'EUR', creditLimit: '90' }).expect(200);
      expect(ok.body.creditLimit).toEqual({ amountMinor: '9000', currency: 'EUR' });
    });

    it('answers 404 for an unknown or malformed id', async () => {
      await owner.get(`${base}/00000000-0000-4000-8000-000000000000`).expect(404);
      await owner.get(`${base}/not-a-uuid`).expect(404);
    });
  });

  describe('archive and delete', () => {
    let table: string;
    beforeAll(() => {
      table = `test_contact_refs_${randomBytes(4).toString('hex')}`;
    });

    it('archives and unarchives; archived contacts leave the default list', async () => {
      const c = (await owner.post(base, { name: 'Archivable Ltd' }).expect(201)).body;
      const archived = await owner.post(`${base}/${c.id}/archive`).expect(200);
      expect(archived.body.archived).toBe(true);
      expect(archived.body.archivedAt).not.toBeNull();
      const active = await owner.get(`${base}?q=Archivable`).expect(200);
      expect(active.body.items).toEqual([]);
      const onlyArchived = await owner.get(`${base}?q=Archivable&archived=true`).expect(200);
      expect(onlyArchived.body.items.map((x: { id: string }) => x.id)).toEqual([c.id]);
      const restored = await owner.post(`${base}/${c.id}/unarchive`).expect(200);
      expect(restored.body).toMatchObject({ archived: false, archivedAt: null });
    });

    it('deletes an unreferenced contact, and refuses with CONTACT_IN_USE while a row refers to it', async () => {
      const free = (await owner.post(base, { name: 'Deletable' }).expect(201)).body;
      await owner.delete(`${base}/${free.id}`).expect(204);
      await owner.get(`${base}/${free.id}`).expect(404);

      const used = (await owner.post(base, { name: 'Referenced' }).expect(201)).body;
      // A stand-in for an invoice: a tenant table with a composite FK ON DELETE RESTRICT.
      const db = await sqlAs('postgres');
      try {
        await db.query(`CREATE TABLE ${table} (
          business_id uuid NOT NULL, id uuid NOT NULL DEFAULT gen_random_uuid(), contact_id uuid NOT NULL,
          PRIMARY KEY (business_id, id),
          FOREIGN KEY (business_id, contact_id) REFERENCES contacts(business_id, id) ON DELETE RESTRICT)`);
        await db.query(`INSERT INTO ${table} (business_id, contact_id) VALUES ($1, $2)`, [businessId, used.id]);

        const res = await owner.delete(`${base}/${used.id}`).expect(409);
        expect(res.body.error.code).toBe('CONTACT_IN_USE');
        expect(res.body.error.message).toMatch(/archive it instead/);
        await owner.get(`${base}/${used.id}`).expect(200);
        await owner.post(`${base}/${used.id}/archive`).expect(200);

        await db.query(`DELETE FROM ${table}`);
        await owner.delete(`${base}/${used.id}`).expect(204);
      } finally {
        await db.query(`DROP TABLE IF EXISTS ${table}`);
        await db.end();
      }
    });
  });

  describe('search, filters, sorting and pagination', () => {
    let listBusiness: string;
    let listBase: string;
    interface Truth {
      id: string;
      name: string;
      email: string | null;
      tax_id: string | null;
      kind: string;
      archived: boolean;
      ts: string;
    }
    let truth: Truth[];

    beforeAll(async () => {
      listBusiness = await createBusiness(owner, 'Paging Co');
      listBase = `/api/businesses/${listBusiness}/contacts`;
      // Few letters, mixed case: many equal names (ties broken by id) and case-only differences.
      const names = fc.sample(fc.string({ unit: fc.constantFrom('a', 'A', 'b', 'B', 'c', ' '), minLength: 1, maxLength: 3 }), {
        numRuns: 70,
        seed: 42,
      });
      const kinds = ['customer', 'supplier', 'both'];
      const named = names.map((n, i) => ({ name: `${n.trim() || 'x'}${i % 7 === 0 ? ' Zed' : ''}`, i }));
      // Half through the import (one statement: equal created_at, so ties on that sort too) ...
      const csv = [
        'name,kind,email,tax_id',
        ...named.slice(0, 35).map(({ name, i }) => `${name},${kinds[i % 3]},c${i}@Mail${i % 4}.example,TX-${i % 5}`),
      ].join('\r\n');
      await owner.post(`${listBase}/import`, { csv, mode: 'all-or-nothing' }).expect(201);
      // ... half one by one.
      for (const { name, i } of named.slice(35)) {
        const c = await owner.post(listBase, { name, kind: kinds[i % 3], email: i % 2 ? `d${i}@mail${i % 4}.example` : null }).expect(201);
        if (i % 5 === 0) await owner.post(`${listBase}/${c.body.id}/archive`).expect(200);
      }
      const db = await sqlAs('postgres');
      truth = (
        await db.query(
          `SELECT id, name, email, tax_id, kind, archived_at IS NOT NULL AS archived,
                  to_char(created_at AT TIME ZONE 'UTC', 'YYYYMMDDHH24MISSUS') AS ts
             FROM contacts WHERE business_id = $1`,
          [listBusiness],
        )
      ).rows;
      await db.end();
      expect(truth).toHaveLength(70);
    });

    const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

    const expected = (f: { q?: string; kind?: string; archived?: string; sort: string }) => {
      const desc = f.sort.startsWith('-');
      const key = (c: Truth) => (f.sort.replace('-', '') === 'name' ? c.name.toLowerCase() : c.ts);
      const kinds = f.kind === 'customer' ? ['customer', 'both'] : f.kind === 'supplier' ? ['supplier', 'both'] : f.kind ? [f.kind] : null;
      const q = f.q?.toLowerCase();
      return truth
        .filter((c) => (f.archived === 'any' ? true : f.archived === 'true' ? c.archived : !c.archived))
        .filter((c) => !kinds || kinds.includes(c.kind))
        .filter((c) => !q || [c.name, c.email, c.tax_id].some((v) => v?.toLowerCase().includes(q)))
        .sort((a, b) => (desc ? -1 : 1) * (cmp(key(a), key(b)) || cmp(a.id, b.id)))
        .map((c) => c.id);
    };

    const pageThrough = async (f: Record<string, string | undefined>, limit: number) => {
      const ids: string[] = [];
      let cursor: string | null = null;
      for (let pages = 0; pages < 200; pages++) {
        const params = new URLSearchParams(Object.entries({ ...f, limit: String(limit) }).filter(([, v]) => v !== undefined) as [string, string][]);
        if (cursor) params.set('cursor', cursor);
        const res = await owner.get(`${listBase}?${params}`).expect(200);
        expect(res.body.items.length).toBeLessThanOrEqual(limit);
        ids.push(...res.body.items.map((c: { id: string }) => c.id));
        cursor = res.body.nextCursor;
        if (!cursor) return ids;
      }
      throw new Error('pagination did not end');
    };

    it('pages through every filter and sort exactly like an in-memory sort (property)', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.record({
            sort: fc.constantFrom('name', '-name', 'createdAt', '-createdAt'),
            kind: fc.constantFrom(undefined, 'customer', 'supplier', 'both'),
            archived: fc.constantFrom(undefined, 'true', 'any'),
            q: fc.constantFrom(undefined, 'a', 'B', 'zed', 'MAIL2', 'tx-3', '%', 'c1'),
          }),
          fc.integer({ min: 3, max: 30 }),
          async (f, limit) => {
            expect(await pageThrough(f, limit)).toEqual(expected(f));
          },
        ),
        { numRuns: 30, seed: 7 },
      );
    });

    it('sorts names case-insensitively', async () => {
      const res = await owner.get(`${listBase}?sort=name&archived=any&limit=100`).expect(200);
      const names: string[] = res.body.items.map((c: { name: string }) => c.name.toLowerCase());
      expect(names).toEqual([...names].sort(cmp));
    });

    it('refuses a cursor issued for another sort, and a forged cursor', async () => {
      const first = await owner.get(`${listBase}?sort=name&limit=5`).expect(200);
      const res = await owner.get(`${listBase}?sort=-createdAt&limit=5&cursor=${first.body.nextCursor}`).expect(400);
      expect(res.body.error.fields[0].field).toBe('cursor');
      await owner.get(`${listBase}?cursor=bm9wZQ`).expect(400);
    });

    it('names invalid list parameters', async () => {
      const res = await owner.get(`${listBase}?sort=email&kind=friend&archived=maybe&limit=0`).expect(400);
      expect(res.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['archived', 'kind', 'limit', 'sort']);
    });
  });

  describe('permissions', () => {
    it('lets staff read and write contacts', async () => {
      const staff = await addMember(api, owner, businessId, 'staff');
      const c = await staff.post(base, { name: 'Staff Customer' }).expect(201);
      await staff.patch(`${base}/${c.body.id}`, { phone: '+86 571 8888 0000' }).expect(200);
      await staff.get(`${base}?q=staff`).expect(200);
      await staff.get(`${base}/export.csv`).expect(200);
      await staff.post(`${base}/import/preview`, { csv: 'name\r\nA' }).expect(200);
    });

    it('hides another business from a non-member with 404', async () => {
      const stranger = await signUp(api, 'Stranger');
      await stranger.get(base).expect(404);
      await stranger.post(base, { name: 'Intruder' }).expect(404);
    });
  });

  describe('CSV import', () => {
    let importBusiness: string;
    let importBase: string;
    const csv = [
      '\uFEFFName,Email,Kind,Payment Terms Days,Credit Limit,Billing Country,Billing Postal Code,Referral',
      'Alpha Co,alpha@example.com,customer,30,1000.50,cn,200001,friend',
      '"Beta, Ltd.",beta@example.com,SUPPLIER,,,,,',
      'Bad Row,not-an-email,customer,abc,,,,',
      '',
      '"Multi',
      'Line Name",,both,0,,,,',
      'Cheap,,customer,,0.001,,,',
    ].join('\r\n');

    beforeAll(async () => {
      importBusiness = await createBusiness(owner, 'Import Co');
      importBase = `/api/businesses/${importBusiness}/contacts`;
    });
    const count = async () => (await owner.get(`${importBase}?archived=any&limit=100`).expect(200)).body.items.length;

    it('previews rows with per-row field errors and counts, importing nothing', async () => {
      const res = await owner.post(`${importBase}/import/preview`, { csv }).expect(200);
      expect(res.body.columns).toEqual(['name', 'email', 'kind', 'payment_terms_days', 'credit_limit', 'billing_country', 'billing_postal_code']);
      expect(res.body.ignoredColumns).toEqual(['Referral']);
      expect(res.body.counts).toEqual({ total: 5, valid: 3, invalid: 2 });
      expect(res.body.rows.map((r: { row: number; valid: boolean }) => [r.row, r.valid])).toEqual([
        [2, true],
        [3, true],
        [4, false],
        [6, true],
        [7, false],
      ]);
      const bad = res.body.rows.find((r: { row: number }) => r.row === 4);
      expect(bad.values).toMatchObject({ name: 'Bad Row', email: 'not-an-email' });
      expect(bad.errors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'payment_terms_days']);
      const cheap = res.body.rows.find((r: { row: number }) => r.row === 7);
      expect(cheap.errors).toEqual([
        { row: 7, field: 'credit_limit', code: 'too_precise', message: 'must have at most 2 decimal places for USD' },
      ]);
      expect(await count()).toBe(0);
    });

    it('imports nothing in all-or-nothing mode when a row fails, and says which', async () => {
      const res = await owner.post(`${importBase}/import`, { csv, mode: 'all-or-nothing' }).expect(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.message).toMatch(/Nothing was imported: 2 of 5 rows have errors \(rows 4, 7\)/);
      expect(res.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(
        ['rows.4.email', 'rows.4.payment_terms_days', 'rows.7.credit_limit'].sort(),
      );
      expect(await count()).toBe(0);
    });

    it('imports the valid rows in valid-only mode and reports the others', async () => {
      const res = await owner.post(`${importBase}/import`, { csv, mode: 'valid-only' }).expect(201);
      expect(res.body.counts).toEqual({ total: 5, imported: 3, skipped: 2 });
      expect(res.body.errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`).sort()).toEqual([
        '4:email',
        '4:payment_terms_days',
        '7:credit_limit',
      ]);
      const items = (await owner.get(`${importBase}?limit=100`).expect(200)).body.items;
      expect(items.map((c: { name: string }) => c.name)).toEqual(['Alpha Co', 'Beta, Ltd.', 'Multi\r\nLine Name']);
      expect(items[0]).toMatchObject({
        email: 'alpha@example.com',
        kind: 'customer',
        paymentTermsDays: 30,
        creditLimit: { amountMinor: '100050', currency: 'USD' },
        billingAddress: { country: 'CN', postalCode: '200001' },
      });
      expect(items[1]).toMatchObject({ kind: 'supplier', paymentTermsDays: 0, creditLimit: null, billingAddress: null });
      expect(items[2].kind).toBe('both');

      const audit = await owner.get(`/api/businesses/${importBusiness}/audit-events`).expect(200);
      const entry = audit.body.items.find((e: { action: string }) => e.action === 'contacts.imported');
      expect(entry.details).toEqual({ mode: 'valid-only', total: 5, imported: 3, skipped: 2 });
    });

    it('refuses a file that cannot be read, naming the csv field', async () => {
      for (const [file, message] of [
        ['email\r\nx@example.com', /no "name" column/],
        ['name,"unterminated\r\nA', /row 1: a quoted field is not closed/],
        ['name,Name\r\nA,B', /names the column "name" twice/],
      ] as const) {
        const res = await owner.post(`${importBase}/import/preview`, { csv: file }).expect(400);
        expect(res.body.error.fields[0].field).toBe('csv');
        expect(res.body.error.message).toMatch(message);
      }
      const mode = await owner.post(`${importBase}/import`, { csv: 'name\r\nA', mode: 'some' }).expect(400);
      expect(mode.body.error.fields[0].field).toBe('mode');
    });
  });

  describe('CSV export', () => {
    it('exports the filtered list as CSV, neutralising formulas, and re-imports losslessly', async () => {
      const exportBusiness = await createBusiness(owner, 'Export Co');
      const exportBase = `/api/businesses/${exportBusiness}/contacts`;
      await owner
        .post(exportBase, {
          name: '=HYPERLINK("http://evil.example","click")',
          phone: '+1 555 0100',
          notes: 'line 1\nline 2, with "quotes"',
          creditLimit: '250.00',
          shippingAddress: { line1: '@home', country: 'US' },
        })
        .expect(201);
      await owner.post(exportBase, { name: '茶馆 Supplier', kind: 'supplier', email: 'tea@example.cn' }).expect(201);
      const archived = await owner.post(exportBase, { name: 'Gone Customer' }).expect(201);
      await owner.post(`${exportBase}/${archived.body.id}/archive`).expect(200);

      const res = await owner.get(`${exportBase}/export.csv?kind=customer`).expect(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="contacts-\d{4}-\d{2}-\d{2}\.csv"$/);
      expect(res.text.startsWith('\uFEFF')).toBe(true);
      const [header, ...rows] = parseCsv(res.text);
      expect(header.slice(0, 9)).toEqual(['name', 'kind', 'email', 'phone', 'tax_id', 'currency', 'payment_terms_days', 'credit_limit', 'notes']);
      expect(rows).toHaveLength(1);
      const row = Object.fromEntries(header.map((h, i) => [h, rows[0][i]]));
      expect(row).toMatchObject({
        name: `'=HYPERLINK("http://evil.example","click")`,
        phone: "'+1 555 0100",
        notes: 'line 1\nline 2, with "quotes"',
        credit_limit: '250.00',
        shipping_line1: "'@home",
        archived: 'false',
      });

      const all = await owner.get(`${exportBase}/export.csv?archived=any&sort=-name`).expect(200);
      const names = parseCsv(all.text).slice(1).map((r) => r[0]);
      expect(names).toEqual(['茶馆 Supplier', 'Gone Customer', `'=HYPERLINK("http://evil.example","click")`]);

      // The export is an import file: a fresh business gets the same contacts back.
      const copyBusiness = await createBusiness(owner, 'Copy Co');
      const imported = await owner
        .post(`/api/businesses/${copyBusiness}/contacts/import`, { csv: all.text, mode: 'all-or-nothing' })
        .expect(201);
      expect(imported.body.counts).toEqual({ total: 3, imported: 3, skipped: 0 });
      const strip = (c: Record<string, unknown>) => {
        const { id: _id, createdAt: _c, updatedAt: _u, archived: _a, archivedAt: _aa, ...rest } = c;
        return rest;
      };
      const original = (await owner.get(`${exportBase}?archived=any&sort=name`).expect(200)).body.items.map(strip);
      const copy = (await owner.get(`/api/businesses/${copyBusiness}/contacts?sort=name`).expect(200)).body.items.map(strip);
      expect(copy).toEqual(original);
    });
  });
});
