import { addMember, Api, createBusiness, Session, signUp, sqlAs, startApi } from './harness';

/** Tax rates per business, and the business's tax settings (inclusive prices, rounding rule). */
describe('tax rates and tax settings', () => {
  let api: Api;
  let owner: Session;
  let businessId: string;
  let base: string;

  beforeAll(async () => {
    api = await startApi();
    owner = await signUp(api, 'Tax Owner');
    businessId = await createBusiness(owner, 'Tax Co');
    base = `/api/businesses/${businessId}/tax-rates`;
  });
  afterAll(() => api.close());

  const defaults = async () =>
    (await owner.get(`${base}?active=any`).expect(200)).body.items.filter((r: { isDefault: boolean }) => r.isDefault);

  it('seeds no rates, and makes the first one the default', async () => {
    expect((await owner.get(base).expect(200)).body.items).toEqual([]);
    const vat = await owner.post(base, { name: 'VAT 13%', rate: '13' }).expect(201);
    expect(vat.body).toMatchObject({ name: 'VAT 13%', rate: '13', isDefault: true, active: true });
    const reduced = await owner.post(base, { name: 'Reduced', rate: '8.250' }).expect(201);
    expect(reduced.body).toMatchObject({ rate: '8.25', isDefault: false });
    const list = await owner.get(base).expect(200);
    expect(list.body.items.map((r: { name: string }) => r.name)).toEqual(['Reduced', 'VAT 13%']);
  });

  it('moves the default when another rate becomes the default', async () => {
    const zero = await owner.post(base, { name: 'Zero-rated', rate: '0', isDefault: true }).expect(201);
    expect((await defaults()).map((r: { id: string }) => r.id)).toEqual([zero.body.id]);
    const vat = (await owner.get(base).expect(200)).body.items.find((r: { name: string }) => r.name === 'VAT 13%');
    await owner.patch(`${base}/${vat.id}`, { isDefault: true }).expect(200);
    expect((await defaults()).map((r: { id: string }) => r.id)).toEqual([vat.id]);
  });

  it('keeps exactly one default under concurrent changes', async () => {
    const rates = (await owner.get(base).expect(200)).body.items as { id: string }[];
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => owner.patch(`${base}/${rates[i % rates.length].id}`, { isDefault: true })),
    );
    expect(results.map((r) => r.status)).toEqual(results.map(() => 200));
    expect(await defaults()).toHaveLength(1);
  });

  it('enforces one default in the database too', async () => {
    const db = await sqlAs('keeper_owner');
    try {
      await expect(
        db.query(`INSERT INTO tax_rates (business_id, name, rate, is_default) VALUES ($1, 'Second default', 5, true)`, [businessId]),
      ).rejects.toThrow(/tax_rates_one_default/);
    } finally {
      await db.end();
    }
  });

  it('validates the rate and names the fields', async () => {
    for (const rate of ['101', '13.12345', 'abc', '-1', '1e2', 13]) {
      const res = await owner.post(base, { name: 'Bad', rate }).expect(400);
      expect(res.body.error.fields.map((f: { field: string }) => f.field)).toEqual(['rate']);
    }
    const res = await owner.post(base, { name: ' ', rate: '5', isDefault: 'yes' }).expect(400);
    expect(res.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['isDefault', 'name']);
    await owner.post(base, { name: 'Full', rate: '100.0000' }).expect(201);
  });

  it('refuses a second active rate with the same name, ignoring case', async () => {
    const res = await owner.post(base, { name: 'vat 13%', rate: '13' }).expect(409);
    expect(res.body.error.code).toBe('TAX_RATE_NAME_TAKEN');
    expect(res.body.error.fields[0].field).toBe('name');
  });

  it('deactivates (dropping the default) and activates; an inactive rate cannot be the default', async () => {
    const [current] = await defaults();
    const off = await owner.post(`${base}/${current.id}/deactivate`).expect(200);
    expect(off.body).toMatchObject({ active: false, isDefault: false });
    expect(await defaults()).toEqual([]);
    expect((await owner.get(base).expect(200)).body.items.map((r: { id: string }) => r.id)).not.toContain(current.id);
    expect((await owner.get(`${base}?active=false`).expect(200)).body.items.map((r: { id: string }) => r.id)).toEqual([current.id]);
    const res = await owner.patch(`${base}/${current.id}`, { isDefault: true }).expect(400);
    expect(res.body.error.fields[0].field).toBe('isDefault');
    const on = await owner.post(`${base}/${current.id}/activate`).expect(200);
    expect(on.body).toMatchObject({ active: true, isDefault: false });
  });

  it('renames and changes the percentage, with audit entries for each change', async () => {
    const created = await owner.post(base, { name: 'Temp', rate: '5' }).expect(201);
    const updated = await owner.patch(`${base}/${created.body.id}`, { name: 'Temp 6%', rate: '6.5' }).expect(200);
    expect(updated.body).toMatchObject({ name: 'Temp 6%', rate: '6.5' });
    await owner.post(`${base}/${created.body.id}/deactivate`).expect(200);
    const audit = await owner.get(`/api/businesses/${businessId}/audit-events?limit=100`).expect(200);
    const mine = audit.body.items.filter((e: { targetId: string }) => e.targetId === created.body.id);
    expect(mine.map((e: { action: string }) => e.action).sort()).toEqual(['tax_rate.created', 'tax_rate.deactivated', 'tax_rate.updated']);
    expect(mine.find((e: { action: string }) => e.action === 'tax_rate.updated').details).toEqual({
      name: { from: 'Temp', to: 'Temp 6%' },
      rate: { from: '5', to: '6.5' },
    });
  });

  it('lets staff read rates but not manage them; accountants manage them', async () => {
    const staff = await addMember(api, owner, businessId, 'staff');
    const rates = (await staff.get(base).expect(200)).body.items;
    expect(rates.length).toBeGreaterThan(0);
    for (const res of await Promise.all([
      staff.post(base, { name: 'Staff rate', rate: '1' }),
      staff.patch(`${base}/${rates[0].id}`, { rate: '1' }),
      staff.post(`${base}/${rates[0].id}/deactivate`),
    ])) {
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    }
    const accountant = await addMember(api, owner, businessId, 'accountant');
    await accountant.post(base, { name: 'Accountant rate', rate: '2' }).expect(201);
  });

  describe('business tax settings', () => {
    it('defaults to tax-exclusive prices rounded per line, and owners change them', async () => {
      const b = await owner.get(`/api/businesses/${businessId}`).expect(200);
      expect(b.body).toMatchObject({ pricesIncludeTax: false, taxRounding: 'line' });
      const changed = await owner.patch(`/api/businesses/${businessId}`, { pricesIncludeTax: true, taxRounding: 'document' }).expect(200);
      expect(changed.body).toMatchObject({ pricesIncludeTax: true, taxRounding: 'document', name: 'Tax Co' });
      const back = await owner.patch(`/api/businesses/${businessId}`, { pricesIncludeTax: false }).expect(200);
      expect(back.body).toMatchObject({ pricesIncludeTax: false, taxRounding: 'document' });
      const audit = await owner.get(`/api/businesses/${businessId}/audit-events?limit=100`).expect(200);
      const update = audit.body.items.find(
        (e: { action: string; details: Record<string, unknown> }) => e.action === 'business.updated' && 'taxRounding' in e.details,
      );
      expect(update.details).toEqual({ pricesIncludeTax: { from: false, to: true }, taxRounding: { from: 'line', to: 'document' } });
    });

    it('validates the settings and keeps staff out', async () => {
      const res = await owner.patch(`/api/businesses/${businessId}`, { pricesIncludeTax: 'yes', taxRounding: 'invoice' }).expect(400);
      expect(res.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['pricesIncludeTax', 'taxRounding']);
      const staff = await addMember(api, owner, businessId, 'staff');
      await staff.patch(`/api/businesses/${businessId}`, { taxRounding: 'line' }).expect(403);
    });
  });
});
