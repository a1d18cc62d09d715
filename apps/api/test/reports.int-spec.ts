import { parseCsv } from '../src/modules/catalog/csv/csv';
import { addDays } from '../src/common/dates';
import { addMember, Api, createBusiness, Session, signUp, startApi } from './harness';

/**
 * Reports over books built through the HTTP API (issued invoices and manual journal entries):
 * figures to the cent, the balance sheet balancing, P&L tying to the change in equity, aging
 * buckets at every boundary tying to the receivables account, CSV files, and who may read what.
 */

type Money = { amountMinor: string; currency: string };
const usd = (minor: number): Money => ({ amountMinor: String(minor), currency: 'USD' });
const minor = (m: Money) => Number(m.amountMinor);

/** A business with its chart of accounts and helpers to write books over HTTP. */
async function books(owner: Session, name: string) {
  const businessId = await createBusiness(owner, name);
  const url = (path: string) => `/api/businesses/${businessId}${path}`;
  const chart = await owner.get(url('/accounts')).expect(200);
  const accounts: Record<string, string> = Object.fromEntries(
    chart.body.items.filter((a: { systemKey: string | null }) => a.systemKey).map((a: { systemKey: string; id: string }) => [a.systemKey, a.id]),
  );
  return {
    businessId,
    url,
    accounts,
    customer: async (customerName: string, currency = 'USD') =>
      (await owner.post(url('/contacts'), { kind: 'customer', name: customerName, currency }).expect(201)).body.id as string,
    invoice: async (contactId: string, o: { issueDate: string; dueDate: string; unitPrice: string; exchangeRate?: string }) => {
      const draft = await owner
        .post(url('/invoices'), {
          contactId,
          issueDate: o.issueDate,
          dueDate: o.dueDate,
          lines: [{ description: 'Consulting', quantity: '1', unitPrice: o.unitPrice }],
        })
        .expect(201);
      const issued = await owner.post(url(`/invoices/${draft.body.id}/issue`), o.exchangeRate ? { exchangeRate: o.exchangeRate } : {});
      expect(issued.status).toBe(200);
      return issued.body as { id: string };
    },
    entry: async (date: string, debit: string, credit: string, amount: string) => {
      await owner
        .post(url('/journal-entries'), {
          date,
          description: `${debit} / ${credit}`,
          lines: [
            { accountId: accounts[debit], side: 'debit', amount },
            { accountId: accounts[credit], side: 'credit', amount },
          ],
        })
        .expect(201);
    },
  };
}

describe('reports', () => {
  let api: Api;
  let owner: Session;
  let b: Awaited<ReturnType<typeof books>>;
  const ids: Record<string, string> = {};
  const AS_OF = '2025-06-30';

  beforeAll(async () => {
    api = await startApi();
    owner = await signUp(api, 'Reports Owner');
    b = await books(owner, 'Reports Co');

    ids.alice = await b.customer('Alice Stores');
    ids.bob = await b.customer('Bob GmbH', 'EUR');
    // A name a spreadsheet would run as a formula: the CSV must make it inert.
    ids.carol = await b.customer('@Carol Trading', 'JPY');

    // One invoice for each aging boundary, d days past due on AS_OF, worth 10 + (index) dollars.
    const boundaries = [0, 1, 30, 31, 60, 61, 90, 91];
    for (const [i, d] of boundaries.entries()) {
      const due = addDays(AS_OF, -d);
      await b.invoice(ids.alice, { issueDate: due, dueDate: due, unitPrice: `${10 + i}.00` });
    }
    // Open on AS_OF, voided later (the void reversal is dated today).
    const voided = await b.invoice(ids.alice, { issueDate: '2025-06-01', dueDate: '2025-07-15', unitPrice: '50.00' });
    await owner.post(b.url(`/invoices/${voided.id}/void`), { reason: 'Duplicate' }).expect(200);
    // EUR 1.03 at 1.5 = 1.545 USD: half-up to 1.55 (half-even would give 1.54).
    await b.invoice(ids.bob, { issueDate: '2025-06-20', dueDate: '2025-07-20', unitPrice: '1.03', exchangeRate: '1.5' });
    // JPY 1234 at 0.0067 = 8.2678 USD: exponents 0 and 2, rounds to 8.27.
    await b.invoice(ids.carol, { issueDate: '2025-06-20', dueDate: '2025-07-20', unitPrice: '1234', exchangeRate: '0.0067' });
    // Issued after AS_OF, and a draft: neither is receivable on AS_OF.
    await b.invoice(ids.alice, { issueDate: '2025-07-01', dueDate: '2025-07-31', unitPrice: '999.00' });
    await owner
      .post(b.url('/invoices'), { contactId: ids.alice, issueDate: '2025-06-01', lines: [{ description: 'x', quantity: '1', unitPrice: '7' }] })
      .expect(201);

    await b.entry('2024-12-20', 'cash', 'interest_income', '300.00');
    await b.entry('2025-01-05', 'bank', 'owner_equity', '5000.00');
    await b.entry('2025-05-10', 'rent', 'bank', '800.00');
    await b.entry('2025-05-20', 'cost_of_goods_sold', 'cash', '40.00');
    await b.entry('2025-06-15', 'cash', 'sales', '250.00');
    // A transfer between own accounts is not money received.
    await b.entry('2025-06-16', 'bank', 'cash', '100.00');
  });
  afterAll(() => api.close());

  describe('profit and loss', () => {
    it('states income, cost of sales, gross and net profit for a range', async () => {
      const res = await owner.get(b.url('/reports/profit-and-loss?from=2025-01-01&to=2025-06-30')).expect(200);
      // Sales: boundary invoices 108.00 + voided 50.00 (void is dated later) + 1.55 + 8.27 + cash sale 250.00.
      expect(res.body).toMatchObject({
        from: '2025-01-01',
        to: '2025-06-30',
        currency: 'USD',
        previousPeriod: null,
        income: { lines: [expect.objectContaining({ account: expect.objectContaining({ code: '4000' }), amount: usd(41782), previousAmount: null })], total: usd(41782) },
        costOfSales: { lines: [expect.objectContaining({ amount: usd(4000) })], total: usd(4000) },
        grossProfit: usd(37782),
        expenses: { lines: [expect.objectContaining({ account: expect.objectContaining({ name: 'Rent' }), amount: usd(80000) })], total: usd(80000) },
        netProfit: usd(-42218),
        previousNetProfit: null,
      });
    });

    it('compares a month with the month before', async () => {
      const res = await owner.get(b.url('/reports/profit-and-loss?from=2025-06-01&to=2025-06-30&compare=previous-period')).expect(200);
      expect(res.body.previousPeriod).toEqual({ from: '2025-05-01', to: '2025-05-31' });
      expect(res.body.income.total).toEqual(usd(33082));
      expect(res.body.income.previousTotal).toEqual(usd(3900));
      expect(res.body.costOfSales.lines[0]).toMatchObject({ amount: usd(0), previousAmount: usd(4000) });
      expect(res.body.netProfit).toEqual(usd(33082));
      expect(res.body.previousNetProfit).toEqual(usd(3900 - 4000 - 80000));
    });

    it('defaults to this month so far and validates the range', async () => {
      const res = await owner.get(b.url('/reports/profit-and-loss')).expect(200);
      expect(res.body.from).toBe(`${res.body.to.slice(0, 7)}-01`);
      const bad = await owner.get(b.url('/reports/profit-and-loss?from=2025-07-01&to=2025-06-30')).expect(400);
      expect(bad.body.error.fields).toEqual([expect.objectContaining({ field: 'from', code: 'after_to' })]);
      const bad2 = await owner.get(b.url('/reports/profit-and-loss?to=2025-02-30&compare=last-year')).expect(400);
      expect(bad2.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['compare', 'to']);
    });
  });

  describe('balance sheet', () => {
    it('balances, with unclosed earnings in equity', async () => {
      const res = await owner.get(b.url(`/reports/balance-sheet?asOf=${AS_OF}`)).expect(200);
      const bs = res.body;
      const line = (section: 'assets' | 'equity', name: string) =>
        bs[section].lines.find((l: { name: string }) => l.name === name)?.amount;
      expect(line('assets', 'Cash on hand')).toEqual(usd(30000 - 4000 + 25000 - 10000));
      expect(line('assets', 'Bank account')).toEqual(usd(500000 - 80000 + 10000));
      expect(line('assets', 'Accounts receivable')).toEqual(usd(16782));
      expect(bs.assets.total).toEqual(usd(487782));
      expect(bs.liabilities).toEqual({ lines: [], total: usd(0) });
      expect(bs.equity.lines).toEqual([
        { account: expect.objectContaining({ code: '3000' }), name: "Owner's equity", amount: usd(500000) },
        { account: null, name: 'Earnings of earlier years (not closed)', amount: usd(30000) },
        { account: null, name: 'Current year earnings', amount: usd(-42218) },
      ]);
      expect(bs.totalLiabilitiesAndEquity).toEqual(bs.assets.total);
      expect(minor(bs.assets.total)).toBe(minor(bs.liabilities.total) + minor(bs.equity.total));
      expect(bs.balanced).toBe(true);
    });

    it('moves equity by exactly the net profit plus what the owner put in', async () => {
      const start = (await owner.get(b.url('/reports/balance-sheet?asOf=2024-12-31')).expect(200)).body;
      const end = (await owner.get(b.url(`/reports/balance-sheet?asOf=${AS_OF}`)).expect(200)).body;
      const pl = (await owner.get(b.url(`/reports/profit-and-loss?from=2025-01-01&to=${AS_OF}`)).expect(200)).body;
      expect(start.currentYearEarnings).toEqual(usd(30000));
      expect(start.balanced).toBe(true);
      const ownerInvested = 500000;
      expect(minor(end.equity.total) - minor(start.equity.total) - ownerInvested).toBe(minor(pl.netProfit));
      expect(end.currentYearEarnings).toEqual(pl.netProfit);
    });

    it('balances on every day of the books', async () => {
      for (const asOf of ['2024-12-19', '2024-12-20', '2025-05-10', '2025-06-16', '2025-06-20']) {
        const bs = (await owner.get(b.url(`/reports/balance-sheet?asOf=${asOf}`)).expect(200)).body;
        expect({ asOf, balanced: bs.balanced, diff: minor(bs.assets.total) - minor(bs.totalLiabilitiesAndEquity) }).toEqual({
          asOf,
          balanced: true,
          diff: 0,
        });
      }
    });
  });

  describe('receivables aging', () => {
    it('puts each invoice in its bucket at 0, 1, 30, 31, 60, 61, 90 and 91 days past due', async () => {
      const res = await owner.get(b.url(`/reports/ar-aging?asOf=${AS_OF}`)).expect(200);
      const of = (id: string) => res.body.customers.find((c: { contact: { id: string } }) => c.contact.id === id);
      expect(of(ids.alice)).toEqual({
        contact: { id: ids.alice, name: 'Alice Stores' },
        current: usd(1000 + 5000), // 0 days past due, and the invoice voided only later
        days1To30: usd(1100 + 1200),
        days31To60: usd(1300 + 1400),
        days61To90: usd(1500 + 1600),
        over90: usd(1700),
        total: usd(15800),
        invoiceCount: 9,
      });
      expect(of(ids.bob)).toMatchObject({ current: usd(155), total: usd(155), invoiceCount: 1 });
      expect(of(ids.carol)).toMatchObject({ current: usd(827), total: usd(827), invoiceCount: 1 });
      expect(res.body.totals).toEqual({
        current: usd(6982),
        days1To30: usd(2300),
        days31To60: usd(2700),
        days61To90: usd(3100),
        over90: usd(1700),
        total: usd(16782),
        invoiceCount: 11,
      });
    });

    it('ties to the receivables account on the balance sheet, then and now', async () => {
      for (const q of [`?asOf=${AS_OF}`, '?asOf=2025-06-19', '']) {
        const aging = (await owner.get(b.url(`/reports/ar-aging${q}`)).expect(200)).body;
        const bs = (await owner.get(b.url(`/reports/balance-sheet${q}`)).expect(200)).body;
        const ar = bs.assets.lines.find((l: { account: { subtype: string } | null }) => l.account?.subtype === 'receivable');
        expect({ q, aging: aging.totals.total }).toEqual({ q, aging: ar.amount });
      }
      // Today the void has happened, and the July invoice is issued.
      const now = (await owner.get(b.url('/reports/ar-aging')).expect(200)).body;
      expect(now.totals.total).toEqual(usd(16782 - 5000 + 99900));
    });
  });

  it('lists cash received per day, leaving out transfers between own accounts', async () => {
    const june = (await owner.get(b.url('/reports/cash-received?from=2025-06-01&to=2025-06-30')).expect(200)).body;
    expect(june).toEqual({
      from: '2025-06-01',
      to: '2025-06-30',
      currency: 'USD',
      days: [{ date: '2025-06-15', amount: usd(25000) }],
      total: usd(25000),
    });
    const half = (await owner.get(b.url('/reports/cash-received?from=2025-01-01&to=2025-06-30')).expect(200)).body;
    expect(half.days.map((d: { date: string }) => d.date)).toEqual(['2025-01-05', '2025-06-15']);
    expect(half.total).toEqual(usd(525000));
    // Both bounds are inclusive.
    const oneDay = (await owner.get(b.url('/reports/cash-received?from=2025-01-05&to=2025-01-05')).expect(200)).body;
    expect(oneDay.total).toEqual(usd(500000));
  });

  describe('CSV', () => {
    const csv = async (path: string) => {
      const res = await owner.get(b.url(path)).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      return { records: parseCsv(res.text), disposition: res.headers['content-disposition'] as string };
    };

    it('exports the profit and loss with the comparison, negative amounts as numbers', async () => {
      const { records, disposition } = await csv('/reports/profit-and-loss.csv?from=2025-06-01&to=2025-06-30&compare=previous-period');
      expect(disposition).toBe('attachment; filename="profit-and-loss-2025-06-01-to-2025-06-30.csv"');
      expect(records).toEqual([
        ['section', 'account_code', 'account_name', 'amount', 'previous_amount'],
        ['Income', '4000', 'Sales', '330.82', '39.00'],
        ['Income', '', 'Total income', '330.82', '39.00'],
        ['Cost of sales', '5000', 'Cost of goods sold', '0.00', '40.00'],
        ['Cost of sales', '', 'Total cost of sales', '0.00', '40.00'],
        ['Gross profit', '', 'Gross profit', '330.82', '-1.00'],
        ['Expenses', '6000', 'Rent', '0.00', '800.00'],
        ['Expenses', '', 'Total expenses', '0.00', '800.00'],
        ['Net profit', '', 'Net profit', '330.82', '-801.00'],
      ]);
    });

    it('exports the balance sheet', async () => {
      const { records, disposition } = await csv(`/reports/balance-sheet.csv?asOf=${AS_OF}`);
      expect(disposition).toContain(`filename="balance-sheet-${AS_OF}.csv"`);
      expect(records[0]).toEqual(['section', 'account_code', 'account_name', 'amount']);
      expect(records).toContainEqual(['Assets', '', 'Total assets', '4877.82']);
      expect(records).toContainEqual(['Equity', '', 'Current year earnings', '-422.18']);
      expect(records[records.length - 1]).toEqual(['Total', '', 'Total liabilities and equity', '4877.82']);
    });

    it('exports the aging with formula-like names made inert', async () => {
      const { records, disposition } = await csv(`/reports/ar-aging.csv?asOf=${AS_OF}`);
      expect(disposition).toContain(`filename="ar-aging-${AS_OF}.csv"`);
      expect(records[0]).toEqual(['customer', 'open_invoices', 'current', '1_30_days', '31_60_days', '61_90_days', 'over_90_days', 'total']);
      expect(records).toContainEqual(["'@Carol Trading", '1', '8.27', '0.00', '0.00', '0.00', '0.00', '8.27']);
      expect(records).toContainEqual(['Alice Stores', '9', '60.00', '23.00', '27.00', '31.00', '17.00', '158.00']);
      expect(records[records.length - 1]).toEqual(['Total', '11', '69.82', '23.00', '27.00', '31.00', '17.00', '167.82']);
    });

    it('exports cash received and the trial balance', async () => {
      const cash = await csv('/reports/cash-received.csv?from=2025-01-01&to=2025-06-30');
      expect(cash.records).toEqual([['date', 'amount'], ['2025-01-05', '5000.00'], ['2025-06-15', '250.00'], ['Total', '5250.00']]);
      const tb = await csv(`/reports/trial-balance.csv?asOf=${AS_OF}`);
      expect(tb.disposition).toContain(`filename="trial-balance-${AS_OF}.csv"`);
      expect(tb.records[0]).toEqual(['account_code', 'account_name', 'account_type', 'debit', 'credit']);
      const total = tb.records[tb.records.length - 1];
      expect(total[1]).toBe('Total');
      expect(total[3]).toBe(total[4]);
      // The JSON trial balance in the ledger module is unchanged.
      const json = (await owner.get(b.url(`/reports/trial-balance?asOf=${AS_OF}`)).expect(200)).body;
      expect(json.totalDebitDecimal).toBe(total[3]);
    });
  });

  it('shows staff the dashboard but not the reports; accountants both', async () => {
    const staff = await addMember(api, owner, b.businessId, 'staff');
    const accountant = await addMember(api, owner, b.businessId, 'accountant');
    for (const path of [
      '/reports/profit-and-loss',
      '/reports/profit-and-loss.csv',
      '/reports/balance-sheet',
      '/reports/balance-sheet.csv',
      '/reports/ar-aging',
      '/reports/ar-aging.csv',
      '/reports/cash-received',
      '/reports/cash-received.csv',
      '/reports/trial-balance.csv',
    ]) {
      const denied = await staff.get(b.url(path));
      expect({ path, status: denied.status }).toEqual({ path, status: 403 });
      const allowed = await accountant.get(b.url(path));
      expect({ path, status: allowed.status }).toEqual({ path, status: 200 });
    }
    await staff.get(b.url('/dashboard')).expect(200);
    await accountant.get(b.url('/dashboard')).expect(200);
    // Outside the business it does not exist.
    const stranger = await signUp(api, 'Stranger');
    expect((await stranger.get(b.url('/dashboard'))).status).toBe(404);
  });
});

describe('receivables as of a past day', () => {
  let api: Api;
  let owner: Session;
  let b: Awaited<ReturnType<typeof books>>;
  const ids: Record<string, string> = {};
  const eur = (minor: number): Money => ({ amountMinor: String(minor), currency: 'EUR' });

  // Documents are entered out of date order: a credit note before the earlier-dated payment, a
  // refund that takes money back weeks after it was applied, a void dated today.
  beforeAll(async () => {
    api = await startApi();
    owner = await signUp(api, 'Aging Owner');
    b = await books(owner, 'Aging Co');
    ids.dana = await b.customer('Dana Foods');
    ids.emil = await b.customer('Emil Handel', 'EUR');
    ids.a = (await b.invoice(ids.dana, { issueDate: '2025-01-15', dueDate: '2025-02-14', unitPrice: '1000.00' })).id;
    ids.b = (await b.invoice(ids.emil, { issueDate: '2025-02-01', dueDate: '2025-03-03', unitPrice: '500.00', exchangeRate: '1.1' })).id;
    ids.c = (await b.invoice(ids.dana, { issueDate: '2025-03-01', dueDate: '2025-03-31', unitPrice: '80.00' })).id;

    const partialCredit = (invoiceId: string, date: string, unitPrice: string) =>
      owner
        .post(b.url('/credit-notes'), { invoiceId, date, reason: 'Damaged', lines: [{ description: 'Damaged', quantity: '1', unitPrice }] })
        .expect(201);
    await partialCredit(ids.a, '2025-03-10', '200.00');
    await owner
      .post(b.url('/payments'), { contactId: ids.dana, method: 'bank_transfer', date: '2025-02-20', amount: '300.00', allocations: [{ invoiceId: ids.a, amount: '300.00' }] })
      .expect(201);
    ids.credit = (await owner.post(b.url('/payments'), { contactId: ids.dana, method: 'cash', date: '2025-03-20', amount: '600.00' }).expect(201)).body.id;
    await owner.post(b.url(`/payments/${ids.credit}/allocations`), { date: '2025-04-05', allocations: [{ invoiceId: ids.a, amount: '500.00' }] }).expect(200);
    await owner
      .post(b.url(`/payments/${ids.credit}/refunds`), { amount: '100.00', reason: 'Overpaid', date: '2025-04-20', unapply: [{ invoiceId: ids.a, amount: '100.00' }] })
      .expect(200);
    // EUR: 200.00 paid at 1.2 on March 5, then a credit note dated February 15 entered afterwards.
    await owner
      .post(b.url('/payments'), {
        contactId: ids.emil,
        method: 'bank_transfer',
        date: '2025-03-05',
        amount: '200.00',
        exchangeRate: '1.2',
        allocations: [{ invoiceId: ids.b, amount: '200.00' }],
      })
      .expect(201);
    await partialCredit(ids.b, '2025-02-15', '100.00');
    await owner.post(b.url(`/invoices/${ids.c}/void`), { reason: 'Sent twice' }).expect(200);
  });
  afterAll(() => api.close());

  const aging = async (asOf?: string) => (await owner.get(b.url(`/reports/ar-aging${asOf ? `?asOf=${asOf}` : ''}`)).expect(200)).body;
  const row = (body: { customers: { contact: { id: string } }[] }, id: string) => body.customers.find((c) => c.contact.id === id);
  const zero = usd(0);
  const buckets = (o: Partial<Record<'current' | 'days1To30' | 'days31To60' | 'days61To90' | 'over90', Money>>) => ({
    current: zero,
    days1To30: zero,
    days31To60: zero,
    days61To90: zero,
    over90: zero,
    ...o,
  });

  it('states each open balance as it stood on the day, in the bucket of that day', async () => {
    const jan = await aging('2025-01-31');
    expect(jan.customers).toHaveLength(1);
    expect(row(jan, ids.dana)).toMatchObject({ ...buckets({ current: usd(100000) }), total: usd(100000), invoiceCount: 1 });

    // A: 1000 − 300 paid Feb 20 (the March credit note is not yet there). B: EUR 500 − 100 credited Feb 15, at 1.1.
    const feb = await aging('2025-02-28');
    expect(row(feb, ids.dana)).toMatchObject({ ...buckets({ days1To30: usd(70000) }), total: usd(70000), invoiceCount: 1 });
    expect(row(feb, ids.emil)).toMatchObject({ ...buckets({ current: usd(44000) }), total: usd(44000), invoiceCount: 1 });

    // A: − 200 credited Mar 10 = 500, 45 days late. B: − EUR 200 paid Mar 5 = EUR 200 = 220.00. C: issued Mar 1, voided only today.
    const mar = await aging('2025-03-31');
    expect(row(mar, ids.dana)).toMatchObject({ ...buckets({ current: usd(8000), days31To60: usd(50000) }), total: usd(58000), invoiceCount: 2 });
    expect(row(mar, ids.emil)).toMatchObject({ ...buckets({ days1To30: usd(22000) }), total: usd(22000), invoiceCount: 1 });

    // A: settled by the credit applied Apr 5 and left out; C is 10 days late.
    const apr10 = await aging('2025-04-10');
    expect(row(apr10, ids.dana)).toMatchObject({ ...buckets({ days1To30: usd(8000) }), total: usd(8000), invoiceCount: 1 });

    // A: 100 taken back by the refund on Apr 20, 75 days late.
    const apr30 = await aging('2025-04-30');
    expect(row(apr30, ids.dana)).toMatchObject({ ...buckets({ days1To30: usd(8000), days61To90: usd(10000) }), total: usd(18000), invoiceCount: 2 });

    // Today C is void; A and B are still open.
    const now = await aging();
    expect(row(now, ids.dana)).toMatchObject({ total: usd(10000), invoiceCount: 1 });
    expect(row(now, ids.emil)).toMatchObject({ total: usd(22000), invoiceCount: 1 });
  });

  it('ties to the receivables account on every day a document moved it', async () => {
    for (const asOf of ['2025-01-14', '2025-01-15', '2025-02-14', '2025-02-15', '2025-02-20', '2025-03-01', '2025-03-05', '2025-03-10', '2025-04-05', '2025-04-19', '2025-04-20', '']) {
      const q = asOf ? `?asOf=${asOf}` : '';
      const report = await aging(asOf);
      const bs = (await owner.get(b.url(`/reports/balance-sheet${q}`)).expect(200)).body;
      const ar = bs.assets.lines.find((l: { account: { subtype: string } | null }) => l.account?.subtype === 'receivable');
      expect({ asOf, aging: report.totals.total }).toEqual({ asOf, aging: ar?.amount ?? zero });
    }
    expect((await aging('2025-01-14')).customers).toEqual([]);
  });

  it('shows today\'s figures on the dashboard, and the documents their balances now', async () => {
    const dash = (await owner.get(b.url('/dashboard')).expect(200)).body;
    expect(dash.receivables).toEqual({ outstanding: usd(32000), outstandingCount: 2, overdue: usd(32000), overdueCount: 2 });
    expect((await owner.get(b.url(`/invoices/${ids.b}`)).expect(200)).body.balance).toEqual(eur(20000));
  });
});

describe('dashboard', () => {
  let api: Api;
  let owner: Session;
  let b: Awaited<ReturnType<typeof books>>;
  let today: string;
  const sales: Array<[string, number]> = [];

  beforeAll(async () => {
    api = await startApi();
    owner = await signUp(api, 'Dashboard Owner');
    b = await books(owner, 'Dashboard Co');
    today = (await owner.get(b.url('/dashboard')).expect(200)).body.today;
    const D = (days: number) => addDays(today, days);

    const invoices: Array<[string, string, number, number, string?, string?]> = [
      // customer, currency, issued (days from today), due (days), price, rate
      ['K1', 'USD', -10, 20, '600.00'],
      ['K1', 'USD', -1, 29, '50.00'],
      ['K2', 'USD', -40, -10, '500.00'],
      ['K3', 'USD', -70, -40, '400.00'],
      ['K4', 'USD', -100, -70, '300.00'],
      ['K5', 'USD', 0, 0, '200.00'],
      ['K6', 'USD', -400, -370, '10000.00'],
      ['K7', 'EUR', -5, 25, '260.00', '1.2'],
    ];
    const customers: Record<string, string> = {};
    const issued: Record<string, string> = {};
    for (const [name, currency, issueDays, due, price, rate] of invoices) {
      customers[name] ??= await b.customer(`Customer ${name}`, currency);
      issued[name] = (await b.invoice(customers[name], { issueDate: D(issueDays), dueDate: D(due), unitPrice: price!, exchangeRate: rate })).id;
      const base = rate === '1.2' ? 31200 : Number(price!.replace('.', ''));
      sales.push([D(issueDays), base]);
    }
    // Credit notes lower sales (and what is owed) from their date: K2 falls behind K3; K6's old invoice is
    // outside the 12 months, its credit note is not.
    const credit = (name: string, days: number, unitPrice: string) =>
      owner
        .post(b.url('/credit-notes'), { invoiceId: issued[name], date: D(days), reason: 'Returned', lines: [{ description: 'Returned', quantity: '1', unitPrice }] })
        .expect(201);
    await credit('K2', -1, '150.00');
    await credit('K6', -2, '100.00');
    sales.push([D(-1), -15000], [D(-2), -10000]);
    await b.entry(D(-40), 'cash', 'sales', '70.00');
    await b.entry(D(-29), 'cash', 'sales', '1.00');
    await b.entry(D(-30), 'cash', 'sales', '2.00');
    sales.push([D(-40), 7000], [D(-29), 100], [D(-30), 200]);
    await b.entry(D(-5), 'bank', 'owner_equity', '1000.00');
    await b.entry(D(-3), 'rent', 'bank', '200.00');
    await b.entry(D(-2), 'cash', 'bank', '50.00');
  });
  afterAll(() => api.close());

  it('charts revenue for the last 24 months, zero-filled, oldest first', async () => {
    const res = (await owner.get(b.url('/dashboard')).expect(200)).body;
    const months: string[] = [];
    for (let i = 23; i >= 0; i--) {
      const d = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
      d.setUTCMonth(d.getUTCMonth() - i);
      months.push(d.toISOString().slice(0, 7));
    }
    const expected = months.map((month) => ({
      month,
      amount: usd(sales.filter(([date]) => date.startsWith(month)).reduce((s, [, v]) => s + v, 0)),
    }));
    expect(res.revenueByMonth).toEqual(expected);
    // The 400-day-old invoice is inside the two-year window (the top customers look at 12 months only).
    expect(res.revenueByMonth.map((m: { amount: Money }) => minor(m.amount)).reduce((s: number, v: number) => s + v, 0)).toBe(
      60000 + 5000 + 50000 + 40000 + 30000 + 20000 + 31200 + 7000 + 100 + 200 - 15000 - 10000 + 1000000,
    );
  });

  it('sums outstanding and overdue receivables, cash in and out over 30 days, and the top 5 customers', async () => {
    const res = (await owner.get(b.url('/dashboard')).expect(200)).body;
    expect(res.currency).toBe('USD');
    expect(res.receivables).toEqual({
      outstanding: usd(60000 + 5000 + 35000 + 40000 + 30000 + 20000 + 990000 + 31200),
      outstandingCount: 8,
      overdue: usd(35000 + 40000 + 30000 + 990000), // due today is not overdue
      overdueCount: 4,
    });
    expect(res.cash).toEqual({
      from: addDays(today, -29),
      to: today,
      cashIn: usd(100000 + 100), // the day 29 days ago is in, 30 days ago is out; transfers are neither
      cashOut: usd(20000),
      net: usd(80100),
    });
    // Net of credit notes: K2 sold 500.00 and credited 150.00.
    expect(res.topCustomers.map((c: { contact: { name: string }; revenue: Money; invoiceCount: number }) => [c.contact.name, minor(c.revenue), c.invoiceCount])).toEqual([
      ['Customer K1', 65000, 2],
      ['Customer K3', 40000, 1],
      ['Customer K2', 35000, 1],
      ['Customer K7', 31200, 1],
      ['Customer K4', 30000, 1],
    ]);
  });
});
