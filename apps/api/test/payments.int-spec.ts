import type { Client } from 'pg';
import { addMember, Api, Session, signUp, sqlAs, startApi } from './harness';

/**
 * Payments: receipt, allocation across invoices, customer credit applied later, refunds that
 * take money back from invoices, with the journal checked line by line (books in CNY, customer
 * paying in USD at rates that differ from the invoices' rates).
 */
describe('payments', () => {
  let api: Api;
  let owner: Session;
  let db: Client;
  let businessId: string;
  let usdCustomer: string;
  let cnyCustomer: string;
  const base = () => `/api/businesses/${businessId}`;

  beforeAll(async () => {
    api = await startApi();
    db = await sqlAs('postgres');
    owner = await signUp(api);
    businessId = (await owner.post('/api/businesses', { name: 'Payments Co', baseCurrency: 'CNY' }).expect(201)).body.id;
    usdCustomer = (await owner.post(`${base()}/contacts`, { kind: 'customer', name: 'Acme Imports', currency: 'USD' }).expect(201)).body.id;
    cnyCustomer = (await owner.post(`${base()}/contacts`, { kind: 'customer', name: '杭州茶社', currency: 'CNY' }).expect(201)).body.id;
  });
  afterAll(async () => {
    await db.end();
    await api.close();
  });

  // Issued early in 2026, so that the payments below, dated in January and February, come after the invoices.
  async function issue(s: Session, path: string, contactId: string, unitPrice: string, rate?: string, issueDate = '2026-01-02'): Promise<string> {
    const d = await s.post(`${path}/invoices`, { contactId, issueDate, lines: [{ description: 'Tea', quantity: '1', unitPrice }] }).expect(201);
    await s.post(`${path}/invoices/${d.body.id}/issue`, rate ? { exchangeRate: rate } : {}).expect(200);
    return d.body.id;
  }

  /** Base-currency balance of a system account (debit positive). */
  const balanceOf = async (key: string, bid = businessId) =>
    Number(
      (
        await db.query(
          `SELECT coalesce(sum(l.base_amount_minor), 0)::text AS b FROM journal_lines l
             JOIN accounts a ON a.business_id = l.business_id AND a.id = l.account_id
            WHERE l.business_id = $1 AND a.system_key = $2`,
          [bid, key],
        )
      ).rows[0].b,
    );
  const linesOf = async (entryFilter: string, params: unknown[]) =>
    (
      await db.query(
        `SELECT a.system_key AS key, l.currency, l.amount_minor::int AS amount, l.base_amount_minor::int AS base
           FROM journal_entries e JOIN journal_lines l ON l.business_id = e.business_id AND l.entry_id = e.id
           JOIN accounts a ON a.business_id = l.business_id AND a.id = l.account_id
          WHERE e.business_id = $1 AND ${entryFilter} ORDER BY l.line_no`,
        [businessId, ...params],
      )
    ).rows;
  const invoice = async (id: string) => (await owner.get(`${base()}/invoices/${id}`).expect(200)).body;

  it('applies a payment, keeps the rest as credit, applies it later and refunds, posting each step', async () => {
    const a = await issue(owner, base(), usdCustomer, '100.00', '7.1'); // AR 710.00 CNY
    const p1 = await owner
      .post(`${base()}/payments`, {
        contactId: usdCustomer,
        method: 'bank_transfer',
        date: '2026-01-10',
        reference: 'TT 8841',
        amount: '60.00',
        exchangeRate: '7.0',
        allocations: [{ invoiceId: a, amount: '60.00' }],
      })
      .expect(201);
    expect(p1.body).toMatchObject({
      currency: 'USD',
      exchangeRate: '7',
      depositAccount: 'bank',
      amount: { amountMinor: '6000', currency: 'USD' },
      applied: { amountMinor: '6000' },
      unapplied: { amountMinor: '0' },
      allocations: [expect.objectContaining({ invoiceId: a, amount: { amountMinor: '6000', currency: 'USD' } })],
    });
    expect(await linesOf(`e.event_key = $2`, [`payment:${p1.body.id}:receipt`])).toEqual([
      { key: 'bank', currency: 'USD', amount: 6000, base: 42000 },
      { key: 'customer_credit', currency: 'USD', amount: -6000, base: -42000 },
    ]);
    // Received at 7.0 what was booked at 7.1: the receivable falls by 710.00 - 284.00 = 426.00, a 6.00 FX loss.
    expect(await linesOf(`e.event_key LIKE $2`, [`payment:${p1.body.id}:allocation:%`])).toEqual([
      { key: 'customer_credit', currency: 'USD', amount: 6000, base: 42000 },
      { key: 'accounts_receivable', currency: 'USD', amount: -6000, base: -42600 },
      { key: 'fx_gain_loss', currency: 'USD', amount: 0, base: 600 },
    ]);
    expect(await invoice(a)).toMatchObject({ status: 'partially_paid', paid: { amountMinor: '6000' }, balance: { amountMinor: '4000' } });
    expect(await balanceOf('accounts_receivable')).toBe(28400);

    // Overpays the rest: 40.00 settles the invoice, 10.00 stays as customer credit.
    const p2 = await owner
      .post(`${base()}/payments`, {
        contactId: usdCustomer,
        method: 'card',
        date: '2026-01-20',
        amount: '50.00',
        exchangeRate: '7.2',
        allocations: [{ invoiceId: a, amount: '40.00' }],
      })
      .expect(201);
    expect(p2.body.unapplied).toEqual({ amountMinor: '1000', currency: 'USD' });
    expect(await invoice(a)).toMatchObject({ status: 'paid', balance: { amountMinor: '0' } });
    expect(await balanceOf('accounts_receivable')).toBe(0);
    expect(await balanceOf('customer_credit')).toBe(-7200);

    // The credit settles part of a later invoice.
    const b = await issue(owner, base(), usdCustomer, '25.00', '7.15');
    const applied = await owner
      .post(`${base()}/payments/${p2.body.id}/allocations`, { allocations: [{ invoiceId: b, amount: '10.00' }], date: '2026-02-01' })
      .expect(200);
    expect(applied.body.unapplied.amountMinor).toBe('0');
    expect(await invoice(b)).toMatchObject({ status: 'partially_paid', balance: { amountMinor: '1500' } });
    expect(await balanceOf('customer_credit')).toBe(0);
    expect(await balanceOf('accounts_receivable')).toBe(10725); // 15.00 USD at 7.15

    const noCredit = await owner
      .post(`${base()}/payments/${p2.body.id}/allocations`, { allocations: [{ invoiceId: b, amount: '0.01' }] })
      .expect(400);
    expect(noCredit.body.error.fields).toEqual([expect.objectContaining({ field: 'allocations', code: 'exceeds_credit' })]);

    // Refunding needs credit; taking the money back from invoice A first reopens it.
    const tooMuch = await owner.post(`${base()}/payments/${p1.body.id}/refunds`, { amount: '5.00', reason: 'Goodwill' }).expect(400);
    expect(tooMuch.body.error.fields).toEqual([expect.objectContaining({ field: 'amount', code: 'exceeds_credit' })]);
    const refunded = await owner
      .post(`${base()}/payments/${p1.body.id}/refunds`, {
        amount: '20.00',
        reason: 'Returned goods',
        date: '2026-02-03',
        unapply: [{ invoiceId: a, amount: '25.00' }],
      })
      .expect(200);
    expect(refunded.body).toMatchObject({
      applied: { amountMinor: '3500' },
      refunded: { amountMinor: '2000' },
      unapplied: { amountMinor: '500' },
      refunds: [expect.objectContaining({ amount: { amountMinor: '2000', currency: 'USD' }, paidFrom: 'bank', reason: 'Returned goods' })],
    });
    expect(refunded.body.allocations.map((x: { amount: { amountMinor: string } }) => x.amount.amountMinor)).toEqual(['6000', '-2500']);
    expect(await invoice(a)).toMatchObject({ status: 'partially_paid', balance: { amountMinor: '2500' } });
    const refundId = refunded.body.refunds[0].id;
    expect(await linesOf(`e.event_key = $2`, [`payment:${p1.body.id}:refund:${refundId}`])).toEqual([
      { key: 'customer_credit', currency: 'USD', amount: 2000, base: 14000 },
      { key: 'bank', currency: 'USD', amount: -2000, base: -14000 },
    ]);
    // The ledger holds exactly the value of what is open: A's 25.00 at 7.1, B's 15.00 at 7.15, 5.00 credit at 7.0.
    expect(await balanceOf('accounts_receivable')).toBe(17750 + 10725);
    expect(await balanceOf('customer_credit')).toBe(-3500);
    const audit = await db.query(`SELECT details FROM audit_events WHERE business_id = $1 AND action = 'payment.refunded'`, [businessId]);
    expect(audit.rows).toEqual([{ details: expect.objectContaining({ refundId, amount: '2000', currency: 'USD' }) }]);

    // The invoice's payments, each with what it applied to that invoice (net of what the refund took back).
    const ofA = (await owner.get(`${base()}/payments?invoiceId=${a}`).expect(200)).body.items as { id: string; appliedToInvoice: unknown }[];
    expect(new Map(ofA.map((p) => [p.id, p.appliedToInvoice]))).toEqual(
      new Map([
        [p1.body.id, { amountMinor: '3500', currency: 'USD' }],
        [p2.body.id, { amountMinor: '4000', currency: 'USD' }],
      ]),
    );
    expect((await owner.get(`${base()}/payments`).expect(200)).body.items.every((p: { appliedToInvoice: unknown }) => p.appliedToInvoice === null)).toBe(true);

    // Nothing left to void once money was applied, and every entry balances.
    await owner.post(`${base()}/invoices/${a}/void`, { reason: 'x' }).expect(409);
    const tb = await db.query(
      `SELECT currency, sum(amount_minor)::int AS amount, sum(base_amount_minor)::int AS base FROM journal_lines
        WHERE business_id = $1 GROUP BY currency`,
      [businessId],
    );
    expect(tb.rows.every((r) => r.amount === 0 && r.base === 0)).toBe(true);
  });

  it('splits one payment across several invoices of the customer, in the base currency', async () => {
    const x = await issue(owner, base(), cnyCustomer, '300.00');
    const y = await issue(owner, base(), cnyCustomer, '200.00');
    const p = await owner
      .post(`${base()}/payments`, {
        contactId: cnyCustomer,
        method: 'cash',
        depositAccount: 'cash',
        amount: '450.00',
        allocations: [
          { invoiceId: x, amount: '300.00' },
          { invoiceId: y, amount: '150.00' },
        ],
      })
      .expect(201);
    expect(p.body).toMatchObject({ currency: 'CNY', exchangeRate: '1', depositAccount: 'cash', unapplied: { amountMinor: '0' } });
    expect((await invoice(x)).status).toBe('paid');
    expect((await invoice(y)).status).toBe('partially_paid');
    expect(await linesOf(`e.event_key = $2`, [`payment:${p.body.id}:receipt`])).toEqual([
      { key: 'cash', currency: 'CNY', amount: 45000, base: 45000 },
      { key: 'customer_credit', currency: 'CNY', amount: -45000, base: -45000 },
    ]);
  });

  it('refuses back-dated documents that would over-settle an invoice or over-use credit on a later day', async () => {
    const fieldOf = (res: { body: { error: { fields: { field: string; code: string; message: string }[] } } }) => res.body.error.fields;
    const inv = await issue(owner, base(), cnyCustomer, '100.00', undefined, '2026-01-10');

    // Not before the invoice exists.
    const early = await owner
      .post(`${base()}/payments`, { contactId: cnyCustomer, method: 'cash', amount: '10.00', date: '2026-01-09', allocations: [{ invoiceId: inv, amount: '10.00' }] })
      .expect(400);
    expect(fieldOf(early)).toEqual([
      expect.objectContaining({ field: 'allocations.0.invoiceId', code: 'not_yet_issued', message: expect.stringContaining('2026-01-10') }),
    ]);

    // 80.00 paid on March 1 (recorded first) leaves 20.00 open from then on: a payment dated
    // February 1 may take at most that much, though 20.00 is also all that is open today.
    const march = await owner
      .post(`${base()}/payments`, { contactId: cnyCustomer, method: 'cash', amount: '80.00', date: '2026-03-01', allocations: [{ invoiceId: inv, amount: '80.00' }] })
      .expect(201);
    // Taking 60.00 of it back on April 1 reopens 80.00 today, but only 20.00 was open on March 1.
    await owner
      .post(`${base()}/payments/${march.body.id}/refunds`, { amount: '60.00', reason: 'Returned', date: '2026-04-01', unapply: [{ invoiceId: inv, amount: '60.00' }] })
      .expect(200);
    expect((await invoice(inv)).balance.amountMinor).toBe('8000');
    const cn = await owner
      .post(`${base()}/credit-notes`, { invoiceId: inv, reason: 'Damaged', date: '2026-02-01', lines: [{ description: 'Damaged', quantity: '1', unitPrice: '30.00' }] })
      .expect(400);
    expect(fieldOf(cn)).toEqual([
      expect.objectContaining({ field: 'lines', code: 'exceeds_balance', message: expect.stringContaining('20.00 CNY open on invoice') }),
    ]);
    expect(fieldOf(cn)[0].message).toContain('on 2026-03-01');
    const feb = await owner
      .post(`${base()}/payments`, { contactId: cnyCustomer, method: 'cash', amount: '30.00', date: '2026-02-01', allocations: [{ invoiceId: inv, amount: '30.00' }] })
      .expect(400);
    expect(fieldOf(feb)).toEqual([expect.objectContaining({ field: 'allocations.0.amount', code: 'exceeds_balance', message: expect.stringContaining('on 2026-03-01') })]);
    // The values in the message come as params too, so the app can word it in Chinese.
    const number = (await invoice(inv)).number;
    expect((fieldOf(feb)[0] as { params?: object }).params).toEqual({ invoice: number, open: '20.00 CNY', on: '2026-03-01', variant: 'dated' });
    // Dated after the refund, the same credit note fits.
    await owner
      .post(`${base()}/credit-notes`, { invoiceId: inv, reason: 'Damaged', date: '2026-04-02', lines: [{ description: 'Damaged', quantity: '1', unitPrice: '30.00' }] })
      .expect(201);

    // A refund cannot take back money before it was applied.
    const credit = (await owner.post(`${base()}/payments`, { contactId: cnyCustomer, method: 'cash', amount: '50.00', date: '2026-01-15' }).expect(201)).body.id;
    await owner.post(`${base()}/payments/${credit}/allocations`, { date: '2026-05-01', allocations: [{ invoiceId: inv, amount: '40.00' }] }).expect(200);
    const tooSoon = await owner
      .post(`${base()}/payments/${credit}/refunds`, { amount: '40.00', reason: 'x', date: '2026-04-20', unapply: [{ invoiceId: inv, amount: '40.00' }] })
      .expect(400);
    expect(fieldOf(tooSoon)).toEqual([
      expect.objectContaining({ field: 'unapply.0.amount', code: 'exceeds_applied', message: expect.stringContaining('0.00 CNY of this payment applied to that invoice on 2026-04-20') }),
    ]);
    // Nor refund, on April 20, credit that the May 1 application uses: 10.00 is left from then on, 50.00 on April 20.
    const overRefund = await owner.post(`${base()}/payments/${credit}/refunds`, { amount: '20.00', reason: 'x', date: '2026-04-20' }).expect(400);
    expect(fieldOf(overRefund)).toEqual([expect.objectContaining({ field: 'amount', code: 'exceeds_credit' })]);
    await owner.post(`${base()}/payments/${credit}/refunds`, { amount: '10.00', reason: 'x', date: '2026-04-20' }).expect(200);
    // Unapplying on May 2 frees credit from that day on: applying it back dated April 30 would
    // use credit that was not there on May 1.
    await owner
      .post(`${base()}/payments/${credit}/refunds`, { amount: '1.00', reason: 'x', date: '2026-05-02', unapply: [{ invoiceId: inv, amount: '40.00' }] })
      .expect(200);
    expect((await owner.get(`${base()}/payments/${credit}`).expect(200)).body.unapplied.amountMinor).toBe('3900');
    const back = await owner.post(`${base()}/payments/${credit}/allocations`, { date: '2026-04-30', allocations: [{ invoiceId: inv, amount: '1.00' }] }).expect(400);
    expect(fieldOf(back)).toEqual([
      expect.objectContaining({ field: 'allocations', code: 'exceeds_credit', message: expect.stringContaining('0.00 CNY of unapplied credit on 2026-05-01') }),
    ]);
    await owner.post(`${base()}/payments/${credit}/allocations`, { date: '2026-05-02', allocations: [{ invoiceId: inv, amount: '39.00' }] }).expect(200);
  });

  it('names the field in every validation error', async () => {
    const supplier = (await owner.post(`${base()}/contacts`, { kind: 'supplier', name: 'Paper Ltd', currency: 'CNY' }).expect(201)).body.id;
    const usdInvoice = await issue(owner, base(), usdCustomer, '10.00', '7');
    const cnyInvoice = await issue(owner, base(), cnyCustomer, '10.00');
    const draft = (await owner.post(`${base()}/invoices`, { contactId: cnyCustomer, lines: [{ description: 'x', quantity: '1', unitPrice: '1' }] }).expect(201)).body.id;
    const fieldsOf = async (body: object) => {
      const res = await owner.post(`${base()}/payments`, body).expect(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      return res.body.error.fields.map((f: { field: string; code: string }) => `${f.field}:${f.code}`);
    };
    expect(await fieldsOf({ contactId: usdCustomer, method: 'cash', amount: '10.001' })).toEqual(
      expect.arrayContaining(['amount:invalid_amount', 'exchangeRate:required']),
    );
    expect(await fieldsOf({ contactId: cnyCustomer, method: 'cash', amount: '0' })).toEqual(['amount:too_small']);
    expect((await fieldsOf({ contactId: cnyCustomer, method: 'barter', amount: '1' }))[0]).toMatch(/^method:/);
    expect((await fieldsOf({ contactId: cnyCustomer, method: 'cash', amount: '1', allocations: [{ invoiceId: cnyInvoice, amount: 'ten' }] }))[0]).toMatch(
      /^allocations\.0\.amount:/,
    );
    expect(await fieldsOf({ contactId: supplier, method: 'cash', amount: '1' })).toEqual(['contactId:not_a_customer']);
    expect(await fieldsOf({ contactId: cnyCustomer, method: 'cash', amount: '1', exchangeRate: '2' })).toEqual(['exchangeRate:not_applicable']);
    expect(
      await fieldsOf({ contactId: cnyCustomer, method: 'cash', amount: '5.00', allocations: [{ invoiceId: cnyInvoice, amount: '6.00' }] }),
    ).toEqual(['allocations:exceeds_payment']);
    expect(
      await fieldsOf({ contactId: cnyCustomer, method: 'cash', amount: '50.00', allocations: [{ invoiceId: cnyInvoice, amount: '10.01' }] }),
    ).toEqual(['allocations.0.amount:exceeds_balance']);
    expect(
      await fieldsOf({
        contactId: cnyCustomer,
        method: 'cash',
        amount: '50.00',
        allocations: [
          { invoiceId: cnyInvoice, amount: '1.00' },
          { invoiceId: cnyInvoice, amount: '1.00' },
        ],
      }),
    ).toEqual(['allocations.1.invoiceId:duplicate']);
    expect(
      await fieldsOf({ contactId: cnyCustomer, method: 'cash', amount: '50.00', allocations: [{ invoiceId: draft, amount: '1.00' }] }),
    ).toEqual(['allocations.0.invoiceId:invoice_draft']);
    // Another customer's invoice, and an invoice in another currency.
    expect(
      await fieldsOf({ contactId: cnyCustomer, method: 'cash', amount: '50.00', allocations: [{ invoiceId: usdInvoice, amount: '1.00' }] }),
    ).toEqual(['allocations.0.invoiceId:not_found']);
    expect(
      await fieldsOf({ contactId: usdCustomer, currency: 'CNY', method: 'cash', amount: '50.00', allocations: [{ invoiceId: usdInvoice, amount: '1.00' }] }),
    ).toEqual(['allocations.0.invoiceId:currency_mismatch']);
    const p = await owner.post(`${base()}/payments`, { contactId: cnyCustomer, method: 'cash', amount: '3.00', date: '2026-03-01' }).expect(201);
    const r = await owner.post(`${base()}/payments/${p.body.id}/refunds`, { amount: '1.00', reason: '', date: '2026-02-01' }).expect(400);
    expect(r.body.error.fields.map((f: { field: string }) => f.field)).toEqual(['reason']);
    const r2 = await owner
      .post(`${base()}/payments/${p.body.id}/refunds`, { amount: '1.00', reason: 'x', date: '2026-02-01', unapply: [{ invoiceId: cnyInvoice, amount: '1.00' }] })
      .expect(400);
    expect(r2.body.error.fields.map((f: { field: string; code: string }) => `${f.field}:${f.code}`)).toEqual([
      'unapply.0.invoiceId:not_applied',
      'date:too_early',
    ]);
    await owner.get(`${base()}/payments/00000000-0000-4000-8000-000000000000`).expect(404);
  });

  it('lets staff record and apply payments but not refund them; lists with filters and pages', async () => {
    const staff = await addMember(api, owner, businessId, 'staff');
    const accountant = await addMember(api, owner, businessId, 'accountant');
    const p = await staff.post(`${base()}/payments`, { contactId: cnyCustomer, method: 'cheque', reference: 'CHQ 12', amount: '8.00' }).expect(201);
    await staff.post(`${base()}/payments/${p.body.id}/refunds`, { amount: '1.00', reason: 'x' }).expect(403);
    await accountant.post(`${base()}/payments/${p.body.id}/refunds`, { amount: '1.00', reason: 'x' }).expect(200);

    const page1 = await staff.get(`${base()}/payments?limit=2`).expect(200);
    expect(page1.body.items).toHaveLength(2);
    const page2 = await staff.get(`${base()}/payments?limit=2&cursor=${page1.body.nextCursor}`).expect(200);
    expect(page2.body.items[0].id).not.toBe(page1.body.items[1].id);
    const cheques = await staff.get(`${base()}/payments?method=cheque`).expect(200);
    expect(cheques.body.items.map((i: { id: string }) => i.id)).toEqual([p.body.id]);
    const withCredit = await staff.get(`${base()}/payments?unapplied=true&contactId=${cnyCustomer}&limit=100`).expect(200);
    expect(withCredit.body.items.every((i: { unapplied: { amountMinor: string } }) => i.unapplied.amountMinor !== '0')).toBe(true);
    const bad = await staff.get(`${base()}/payments?from=yesterday`).expect(400);
    expect(bad.body.error.fields[0].field).toBe('from');
  });

  describe('under concurrency', () => {
    let other: Session;
    let bid: string;
    let customer: string;
    beforeAll(async () => {
      other = await signUp(api);
      bid = (await other.post('/api/businesses', { name: 'Busy Shop', baseCurrency: 'CNY' }).expect(201)).body.id;
      customer = (await other.post(`/api/businesses/${bid}/contacts`, { kind: 'customer', name: 'Buyer', currency: 'CNY' }).expect(201)).body.id;
    });

    const state = async (invoiceId: string) =>
      (
        await db.query(
          `SELECT i.status, i.paid_minor::int AS paid, i.total_minor::int AS total,
                  (SELECT coalesce(sum(amount_minor), 0)::int FROM payment_allocations a
                    WHERE a.business_id = i.business_id AND a.invoice_id = i.id) AS allocated,
                  (SELECT count(*)::int FROM payments p WHERE p.business_id = i.business_id) AS payments
             FROM invoices i WHERE i.business_id = $1 AND i.id = $2`,
          [bid, invoiceId],
        )
      ).rows[0];

    it('applies exactly one of 50 concurrent payments of the full balance', async () => {
      const inv = await issue(other, `/api/businesses/${bid}`, customer, '100.00');
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          other.post(`/api/businesses/${bid}/payments`, {
            contactId: customer,
            method: 'bank_transfer',
            reference: `race ${i}`,
            amount: '100.00',
            allocations: [{ invoiceId: inv, amount: '100.00' }],
          }),
        ),
      );
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.filter((s) => s === 400)).toHaveLength(49);
      for (const r of results.filter((x) => x.status === 400)) {
        expect(r.body.error.fields[0].field).toMatch(/^allocations\.0\./);
      }
      expect(await state(inv)).toEqual({ status: 'paid', paid: 10000, total: 10000, allocated: 10000, payments: 1 });
      expect(await balanceOf('accounts_receivable', bid)).toBe(0);
      expect(await balanceOf('customer_credit', bid)).toBe(0);
    });

    it('never over-applies 50 concurrent partial allocations of credit', async () => {
      const inv = await issue(other, `/api/businesses/${bid}`, customer, '100.00');
      const credits = [];
      for (let i = 0; i < 50; i++) {
        credits.push((await other.post(`/api/businesses/${bid}/payments`, { contactId: customer, method: 'cash', amount: '3.00' }).expect(201)).body.id);
      }
      const results = await Promise.all(
        credits.map((id) =>
          other.post(`/api/businesses/${bid}/payments/${id}/allocations`, { allocations: [{ invoiceId: inv, amount: '3.00' }] }),
        ),
      );
      expect(results.filter((r) => r.status === 200)).toHaveLength(33);
      expect(results.filter((r) => r.status === 400)).toHaveLength(17);
      const s = await state(inv);
      expect(s).toMatchObject({ status: 'partially_paid', paid: 9900, allocated: 9900 });
      expect(await balanceOf('accounts_receivable', bid)).toBe(100);
      expect(await balanceOf('customer_credit', bid)).toBe(-17 * 300);
    });

    it('keeps CHECK (paid + credited <= total) as the last wall', async () => {
      const inv = await issue(other, `/api/businesses/${bid}`, customer, '10.00');
      const app = await sqlAs('keeper_app');
      try {
        await app.query('BEGIN');
        await app.query(`SELECT set_config('app.business_id', $1, true)`, [bid]);
        await expect(
          app.query(`UPDATE invoices SET paid_minor = total_minor + 1 WHERE business_id = $1 AND id = $2`, [bid, inv]),
        ).rejects.toThrow(/check constraint/);
        await app.query('ROLLBACK');
        await app.query('BEGIN');
        await app.query(`SELECT set_config('app.business_id', $1, true)`, [bid]);
        await expect(
          app.query(`UPDATE payments SET refunded_minor = amount_minor + 1 WHERE business_id = $1`, [bid]),
        ).rejects.toThrow(/check constraint/);
      } finally {
        await app.query('ROLLBACK');
        await app.end();
      }
    });
  });

  it('exports the filtered list as CSV with amounts in the payment currency', async () => {
    const res = await owner.get(`${base()}/payments/export.csv?method=bank_transfer`).expect(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/filename="payments-\d{4}-\d{2}-\d{2}\.csv"/);
    const [header, ...rows] = res.text.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(header).toBe('date,customer,method,reference,currency,exchange_rate,amount,applied,refunded,unapplied');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const cells = row.split(',');
      expect(cells[2]).toBe('bank_transfer');
      // amount = applied + refunded + unapplied, to the minor unit
      const [amount, applied, refunded, unapplied] = cells.slice(6).map((c) => BigInt(c.replace('.', '')));
      expect(applied + refunded + unapplied).toBe(amount);
    }
  });
});
