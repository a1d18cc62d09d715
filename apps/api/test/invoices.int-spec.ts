import { addMember, Api, createBusiness, Session, signUp, sqlAs, startApi } from './harness';


describe('invoices', () => {
  let api: Api;
  let owner: Session;
  let businessId: string;
  let customerId: string;
  const base = () => `/api/businesses/${businessId}`;

  beforeAll(async () => {
    api = await startApi();
    owner = await signUp(api);
    // Books kept in CNY; the customer buys in USD, so issuing needs an exchange rate.
    businessId = (await owner.post('/api/businesses', { name: 'Invoicing Co', baseCurrency: 'CNY' }).expect(201)).body.id;
    const customer = await owner
      .post(`${base()}/contacts`, { kind: 'customer', name: '上海茶叶贸易有限公司', currency: 'USD', paymentTermsDays: 30 })
      .expect(201);
    customerId = customer.body.id;
  });
  afterAll(() => api.close());

  const draft = (lines = [{ description: 'Oolong tea, 500 g', quantity: '3', unitPrice: '19.99', discountPercent: '10' }]) =>
    owner.post(`${base()}/invoices`, { contactId: customerId, lines });

  it('creates a draft with totals from the shared money code and the customer\'s terms', async () => {
    const res = await draft().expect(201);
    expect(res.body).toMatchObject({
      status: 'draft',
      number: null,
      currency: 'USD',
      contact: { id: customerId, name: '上海茶叶贸易有限公司' },
      subtotal: { amountMinor: '5397', currency: 'USD' },
      total: { amountMinor: '5397', currency: 'USD' },
      balance: { amountMinor: '5397', currency: 'USD' },
    });
    const days = (Date.parse(res.body.dueDate) - Date.parse(res.body.issueDate)) / 86_400_000;
    expect(days).toBe(30);
  });

  it('names the line and field in validation errors', async () => {
    const res = await owner
      .post(`${base()}/invoices`, { contactId: customerId, lines: [{ description: 'x', quantity: '1', unitPrice: '1.234' }] })
      .expect(400);
    expect(res.body.error.fields).toEqual([expect.objectContaining({ field: 'lines.0.unitPrice' })]);
    const res2 = await owner
      .post(`${base()}/invoices`, { contactId: customerId, lines: [{ description: 'x', quantity: '-1', unitPrice: '1' }] })
      .expect(400);
    expect(res2.body.error.fields[0].field).toBe('lines.0.quantity');
  });

  it('issues with a number, a fixed rate and a balanced journal entry; voids by reversal', async () => {
    const d = await draft().expect(201);
    const missingRate = await owner.post(`${base()}/invoices/${d.body.id}/issue`, {}).expect(400);
    expect(missingRate.body.error.fields[0].field).toBe('exchangeRate');
    const issued = await owner.post(`${base()}/invoices/${d.body.id}/issue`, { exchangeRate: '7.1' }).expect(200);
    expect(issued.body.number).toMatch(/^INV-\d{5}$/);
    expect(issued.body.exchangeRate).toBe('7.1');

    const db = await sqlAs('postgres');
    const lines = await db.query(
      `SELECT a.system_key AS key, l.currency, l.amount_minor::int AS amount, l.base_amount_minor::int AS base
         FROM invoices i JOIN journal_lines l ON l.business_id = i.business_id AND l.entry_id = i.journal_entry_id
         JOIN accounts a ON a.business_id = l.business_id AND a.id = l.account_id
        WHERE i.business_id = $1 AND i.id = $2 ORDER BY l.amount_minor DESC`,
      [businessId, d.body.id],
    );
    expect(lines.rows).toEqual([
      { key: 'accounts_receivable', currency: 'USD', amount: 5397, base: 38319 },
      { key: 'sales', currency: 'USD', amount: -5397, base: -38319 },
    ]);

    await owner.patch(`${base()}/invoices/${d.body.id}`, { contactId: customerId, lines: [] }).expect(400);
    const edit = await owner
      .patch(`${base()}/invoices/${d.body.id}`, { contactId: customerId, lines: [{ description: 'x', quantity: '1', unitPrice: '1' }] })
      .expect(409);
    expect(edit.body.error.code).toBe('CONFLICT');

    const voided = await owner.post(`${base()}/invoices/${d.body.id}/void`, { reason: 'Wrong customer' }).expect(200);
    expect(voided.body.status).toBe('void');
    const balance = await db.query(
      `SELECT coalesce(sum(l.base_amount_minor), 0)::int AS ar FROM journal_lines l
         JOIN accounts a ON a.business_id = l.business_id AND a.id = l.account_id
        WHERE l.business_id = $1 AND a.system_key = 'accounts_receivable'`,
      [businessId],
    );
    await db.end();
    expect(balance.rows[0].ar).toBe(0);
  });

  it('gives 50 concurrent issues in one series 50 distinct consecutive numbers', async () => {
    const other = await signUp(api);
    const bid = await createBusiness(other, 'Concurrent Ltd');
    const c = await other.post(`/api/businesses/${bid}/contacts`, { kind: 'customer', name: 'Buyer', currency: 'USD' }).expect(201);
    const drafts = [];
    for (let i = 0; i < 50; i++) {
      const r = await other
        .post(`/api/businesses/${bid}/invoices`, { contactId: c.body.id, lines: [{ description: `Item ${i}`, quantity: '1', unitPrice: '10' }] })
        .expect(201);
      drafts.push(r.body.id);
    }
    const issued = await Promise.all(drafts.map((id) => other.post(`/api/businesses/${bid}/invoices/${id}/issue`, {})));
    expect(issued.map((r) => r.status)).toEqual(drafts.map(() => 200));
    const numbers = issued.map((r) => Number(r.body.number.replace('INV-', ''))).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('lets staff draft and issue, but not void', async () => {
    const staff = await addMember(api, owner, businessId, 'staff');
    const d = await staff.post(`${base()}/invoices`, { contactId: customerId, lines: [{ description: 'x', quantity: '1', unitPrice: '5' }] }).expect(201);
    await staff.post(`${base()}/invoices/${d.body.id}/issue`, { exchangeRate: '7' }).expect(200);
    await staff.post(`${base()}/invoices/${d.body.id}/void`, { reason: 'no' }).expect(403);
  });

  it('counts an invoice overdue from the day after its due date where the business is', async () => {
    // Kiritimati (UTC+14) and Pago Pago (UTC−11) are on different dates from UTC at every hour, so a
    // server-clock "today" would get one of them wrong whenever this runs.
    for (const timezone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
      const bid = (await owner.post('/api/businesses', { name: `Clock ${timezone}`, baseCurrency: 'USD', timezone }).expect(201)).body.id;
      const path = `/api/businesses/${bid}`;
      const today = (await owner.get(`${path}/dashboard`).expect(200)).body.today as string;
      const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
      const contactId = (await owner.post(`${path}/contacts`, { kind: 'customer', name: 'Clock customer' }).expect(201)).body.id;
      const issued: Record<string, string> = {};
      for (const [name, due] of [['late', yesterday], ['dueToday', today]]) {
        const d = await owner
          .post(`${path}/invoices`, { contactId, issueDate: yesterday, dueDate: due, lines: [{ description: 'x', quantity: '1', unitPrice: '5' }] })
          .expect(201);
        await owner.post(`${path}/invoices/${d.body.id}/issue`, {}).expect(200);
        issued[name] = d.body.id;
      }
      const list = (await owner.get(`${path}/invoices`).expect(200)).body.items as { id: string; overdue: boolean }[];
      expect({ timezone, overdue: list.filter((i) => i.overdue).map((i) => i.id) }).toEqual({ timezone, overdue: [issued.late] });
      const filtered = (await owner.get(`${path}/invoices?status=overdue`).expect(200)).body.items as { id: string }[];
      expect({ timezone, filtered: filtered.map((i) => i.id) }).toEqual({ timezone, filtered: [issued.late] });
      const dash = (await owner.get(`${path}/dashboard`).expect(200)).body;
      expect({ timezone, overdueCount: dash.receivables.overdueCount }).toEqual({ timezone, overdueCount: 1 });
    }
  });

  it('lists with filters and pages', async () => {
    const page1 = await owner.get(`${base()}/invoices?limit=2`).expect(200);
    expect(page1.body.items).toHaveLength(2);
    const page2 = await owner.get(`${base()}/invoices?limit=2&cursor=${page1.body.nextCursor}`).expect(200);
    expect(page2.body.items[0].id).not.toBe(page1.body.items[0].id);
    const drafts = await owner.get(`${base()}/invoices?status=draft&limit=100`).expect(200);
    expect(drafts.body.items.every((i: { status: string }) => i.status === 'draft')).toBe(true);
    const search = await owner.get(`${base()}/invoices?q=${encodeURIComponent('茶叶')}`).expect(200);
    expect(search.body.items.length).toBeGreaterThan(0);
  });

  it('exports the filtered list as CSV', async () => {
    const res = await owner.get(`${base()}/invoices/export.csv?status=draft`).expect(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="invoices-\d{4}-\d{2}-\d{2}\.csv"/);
    const lines = res.text.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toBe('number,status,overdue,customer,issue_date,due_date,currency,exchange_rate,subtotal,tax,total,paid,credited,balance');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((l) => l.startsWith(',draft,'))).toBe(true);
    expect(lines[1]).toContain('上海茶叶贸易有限公司');
  });
});
