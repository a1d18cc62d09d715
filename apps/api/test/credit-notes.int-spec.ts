import type { Client } from 'pg';
import { computeTotals } from '@keeper/invoicing';
import { Api, Session, signUp, sqlAs, startApi } from './harness';

/** Credit notes against issued invoices: numbering, totals under the invoice's rule, postings, limits. */
describe('credit notes', () => {
  let api: Api;
  let owner: Session;
  let db: Client;
  let businessId: string;
  let usdCustomer: string;
  let cnyCustomer: string;
  let vat: string;
  const base = () => `/api/businesses/${businessId}`;

  beforeAll(async () => {
    api = await startApi();
    db = await sqlAs('postgres');
    owner = await signUp(api);
    businessId = (await owner.post('/api/businesses', { name: 'Credit Co', baseCurrency: 'CNY' }).expect(201)).body.id;
    usdCustomer = (await owner.post(`${base()}/contacts`, { kind: 'customer', name: 'Acme Imports', currency: 'USD' }).expect(201)).body.id;
    cnyCustomer = (await owner.post(`${base()}/contacts`, { kind: 'customer', name: '杭州茶社', currency: 'CNY' }).expect(201)).body.id;
    vat = (await owner.post(`${base()}/tax-rates`, { name: 'VAT 13%', rate: '13' }).expect(201)).body.id;
  });
  afterAll(async () => {
    await db.end();
    await api.close();
  });

  async function issue(contactId: string, lines: object[], rate?: string): Promise<string> {
    const d = await owner.post(`${base()}/invoices`, { contactId, issueDate: '2026-01-05', lines }).expect(201);
    await owner.post(`${base()}/invoices/${d.body.id}/issue`, rate ? { exchangeRate: rate } : {}).expect(200);
    return d.body.id;
  }
  const invoice = async (id: string) => (await owner.get(`${base()}/invoices/${id}`).expect(200)).body;
  const receivable = async () =>
    Number(
      (
        await db.query(
          `SELECT coalesce(sum(l.base_amount_minor), 0)::text AS b FROM journal_lines l
             JOIN accounts a ON a.business_id = l.business_id AND a.id = l.account_id
            WHERE l.business_id = $1 AND a.system_key = 'accounts_receivable'`,
          [businessId],
        )
      ).rows[0].b,
    );

  it('credits part of an invoice, then the rest, posting at the invoice rate', async () => {
    const inv = await issue(
      usdCustomer,
      [
        { description: 'Oolong tea', quantity: '3', unitPrice: '19.99', taxRateId: vat },
        { description: 'Delivery', quantity: '1', unitPrice: '5.00', taxRateId: null },
      ],
      '7.1',
    );
    expect((await invoice(inv)).total.amountMinor).toBe('7277');
    expect(await receivable()).toBe(51667);

    const cn = await owner
      .post(`${base()}/credit-notes`, {
        invoiceId: inv,
        date: '2026-01-10',
        reason: 'One box returned',
        lines: [{ description: 'Oolong tea', quantity: '1', unitPrice: '19.99', taxRateId: vat }],
      })
      .expect(201);
    expect(cn.body).toMatchObject({
      number: 'CN-00001',
      invoice: { id: inv },
      contact: { id: usdCustomer, name: 'Acme Imports' },
      currency: 'USD',
      exchangeRate: '7.1',
      subtotal: { amountMinor: '1999' },
      tax: { amountMinor: '260' },
      total: { amountMinor: '2259', currency: 'USD' },
      lines: [expect.objectContaining({ taxRatePercent: '13', net: { amountMinor: '1999', currency: 'USD' } })],
    });
    const lines = await db.query(
      `SELECT a.system_key AS key, l.amount_minor::int AS amount, l.base_amount_minor::int AS base
         FROM journal_entries e JOIN journal_lines l ON l.business_id = e.business_id AND l.entry_id = e.id
         JOIN accounts a ON a.business_id = l.business_id AND a.id = l.account_id
        WHERE e.business_id = $1 AND e.event_key = $2 ORDER BY l.line_no`,
      [businessId, `credit_note:${cn.body.id}:issue`],
    );
    // AR falls from the value of 72.77 to that of 50.18 USD at 7.1: 516.67 - 356.28 = 160.39 CNY.
    expect(lines.rows).toEqual([
      { key: 'sales', amount: 1999, base: 14193 },
      { key: 'tax_payable', amount: 260, base: 1846 },
      { key: 'accounts_receivable', amount: -2259, base: -16039 },
    ]);
    expect(await invoice(inv)).toMatchObject({ status: 'partially_paid', credited: { amountMinor: '2259' }, balance: { amountMinor: '5018' } });
    expect(await receivable()).toBe(35628);

    const full = await owner.post(`${base()}/credit-notes`, { invoiceId: inv, reason: 'Everything back' }).expect(400);
    expect(full.body.error.fields).toEqual([expect.objectContaining({ field: 'lines', code: 'exceeds_balance' })]);
    const rest = await owner
      .post(`${base()}/credit-notes`, {
        invoiceId: inv,
        reason: 'Order cancelled',
        lines: [
          { description: 'Oolong tea', quantity: '2', unitPrice: '19.99', taxRateId: vat },
          { description: 'Delivery', quantity: '1', unitPrice: '5.00' },
        ],
      })
      .expect(201);
    expect(rest.body).toMatchObject({ number: 'CN-00002', total: { amountMinor: '5018' } });
    expect(await invoice(inv)).toMatchObject({ status: 'paid', balance: { amountMinor: '0' } });
    expect(await receivable()).toBe(0);
    const more = await owner
      .post(`${base()}/credit-notes`, { invoiceId: inv, reason: 'x', lines: [{ description: 'x', quantity: '1', unitPrice: '0.01' }] })
      .expect(400);
    expect(more.body.error.fields).toEqual([expect.objectContaining({ field: 'invoiceId', code: 'invoice_paid' })]);
    await owner.post(`${base()}/invoices/${inv}/void`, { reason: 'x' }).expect(409);
  });

  it('credits a whole invoice from its own lines under the rounding rule stored on the invoice', async () => {
    await owner.patch(base(), { pricesIncludeTax: true, taxRounding: 'document' }).expect(200);
    const inv = await issue(cnyCustomer, [
      { description: 'Green tea', quantity: '3', unitPrice: '33.33', taxRateId: vat },
      { description: 'White tea', quantity: '1.5', unitPrice: '12.01', taxRateId: vat },
    ]);
    await owner.patch(base(), { pricesIncludeTax: false, taxRounding: 'line' }).expect(200);
    const before = await receivable();
    const cn = await owner.post(`${base()}/credit-notes`, { invoiceId: inv, reason: 'Wrong order' }).expect(201);
    const i = await invoice(inv);
    expect(cn.body).toMatchObject({ pricesIncludeTax: true, taxRounding: 'document', total: i.total, subtotal: i.subtotal, tax: i.tax });
    const expected = computeTotals({
      currency: 'CNY',
      pricesIncludeTax: true,
      taxRounding: 'document',
      lines: cn.body.lines.map((l: { quantity: string; unitPrice: { amountMinor: string }; taxRatePercent: string }) => ({
        quantity: l.quantity,
        unitPriceMinor: BigInt(l.unitPrice.amountMinor),
        taxRatePercent: l.taxRatePercent,
      })),
    });
    expect(cn.body.total.amountMinor).toBe(expected.totalMinor.toString());
    expect(cn.body.tax.amountMinor).toBe(expected.taxMinor.toString());
    expect(i).toMatchObject({ status: 'paid', credited: i.total, balance: { amountMinor: '0' } });
    expect(await receivable()).toBe(before - Number(i.total.amountMinor));
  });

  it('names the field in every validation error', async () => {
    const inv = await issue(cnyCustomer, [{ description: 'Tea', quantity: '1', unitPrice: '10.00' }]);
    const draft = (await owner.post(`${base()}/invoices`, { contactId: cnyCustomer, lines: [{ description: 'x', quantity: '1', unitPrice: '1' }] }).expect(201)).body.id;
    const fieldsOf = async (body: object) => {
      const res = await owner.post(`${base()}/credit-notes`, body).expect(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      return res.body.error.fields.map((f: { field: string; code: string }) => `${f.field}:${f.code}`);
    };
    const line = { description: 'Tea', quantity: '1', unitPrice: '1.00' };
    expect(await fieldsOf({ invoiceId: inv, reason: 'x', lines: [{ ...line, unitPrice: '1.234' }] })).toEqual(['lines.0.unitPrice:invalid_amount']);
    expect(
      await fieldsOf({ invoiceId: inv, reason: 'x', lines: [{ ...line, taxRateId: '00000000-0000-4000-8000-000000000000' }] }),
    ).toEqual(['lines.0.taxRateId:not_found']);
    expect((await fieldsOf({ invoiceId: inv, reason: 'x', lines: [{ ...line, quantity: '-1' }] }))[0]).toMatch(/^lines\.0\.quantity:/);
    expect((await fieldsOf({ invoiceId: inv, lines: [line] }))[0]).toMatch(/^reason:/);
    expect(await fieldsOf({ invoiceId: inv, reason: 'x', date: '2026-01-01', lines: [line] })).toEqual(['date:too_early']);
    expect(await fieldsOf({ invoiceId: inv, reason: 'x', lines: [{ ...line, unitPrice: '10.01' }] })).toEqual(['lines:exceeds_balance']);
    expect(await fieldsOf({ invoiceId: inv, reason: 'x', lines: [{ ...line, unitPrice: '0' }] })).toEqual(['lines:zero_total']);
    expect(await fieldsOf({ invoiceId: draft, reason: 'x', lines: [line] })).toEqual(['invoiceId:invoice_draft']);
    expect(await fieldsOf({ invoiceId: '00000000-0000-4000-8000-000000000000', reason: 'x', lines: [line] })).toEqual([
      'invoiceId:not_found',
    ]);
    expect((await invoice(inv)).credited.amountMinor).toBe('0');
  });

  it('lists credit notes with filters and pages, and gets one', async () => {
    const all = await owner.get(`${base()}/credit-notes?limit=2`).expect(200);
    expect(all.body.items).toHaveLength(2);
    const next = await owner.get(`${base()}/credit-notes?limit=2&cursor=${all.body.nextCursor}`).expect(200);
    expect(next.body.items.length).toBeGreaterThan(0);
    const one = all.body.items[0];
    const byInvoice = await owner.get(`${base()}/credit-notes?invoiceId=${one.invoice.id}`).expect(200);
    expect(byInvoice.body.items.every((n: { invoice: { id: string } }) => n.invoice.id === one.invoice.id)).toBe(true);
    expect((await owner.get(`${base()}/credit-notes/${one.id}`).expect(200)).body.number).toBe(one.number);
    await owner.get(`${base()}/credit-notes/00000000-0000-4000-8000-000000000000`).expect(404);
    const audit = await db.query(`SELECT count(*)::int AS n FROM audit_events WHERE business_id = $1 AND action = 'credit_note.issued'`, [
      businessId,
    ]);
    expect(audit.rows[0].n).toBe(3);
  });

  it('exports credit notes as CSV', async () => {
    const res = await owner.get(`${base()}/credit-notes/export.csv`).expect(200);
    expect(res.headers['content-disposition']).toMatch(/filename="credit-notes-\d{4}-\d{2}-\d{2}\.csv"/);
    const [header, ...rows] = res.text.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(header).toBe('number,date,invoice,customer,reason,currency,exchange_rate,subtotal,tax,total');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => /^CN-\d+,/.test(r))).toBe(true);
  });
});
