import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { WorkerModule } from '../src/app/worker.module';
import { addDays } from '../src/common/dates';
import { loadConfig } from '../src/config/config';
import { Db } from '../src/db/db';
import { JobRunner } from '../src/jobs/job-runner';
import { JobQueues } from '../src/jobs/job-queues';
import { CreditFactsRepository } from '../src/modules/credit/credit-facts.repository';
import { CreditProfileService } from '../src/modules/credit/credit-profile.service';
import { CreditSignals } from '../src/modules/credit/credit-signals';
import { eventually } from './eventually';
import { addMember, Api, createBusiness, PASSWORD, Session, signUp, sqlAs, sqlRows, startApi } from './harness';
import { runOutboxJobs } from './outbox-jobs';
import { testEnv } from './test-env';

const sql = (text: string, params: unknown[] = []) => sqlRows(text, params);

/** A small set of books, every figure known: what the features must come to. */
describe('credit features and profiles', () => {
  let api: Api;
  let worker: INestApplicationContext;
  let runner: JobRunner;
  let owner: Session;
  let businessId: string;
  let today: string;
  let accounts: Record<string, string>;
  const base = () => `/api/businesses/${businessId}`;
  const day = (daysAgo: number) => addDays(today, -daysAgo);

  const recompute = (b = businessId) => runOutboxJobs(runner, b, 'credit.recompute', { field: 'businessId', value: b });
  const openRecomputes = (b = businessId) => sql(`SELECT id FROM outbox WHERE business_id = $1 AND job = 'credit.recompute' AND status <> 'done'`, [b]);
  const profile = async () => (await owner.get(`${base()}/credit-profile`).expect(200)).body;
  const snapshots = (b = businessId) => sql(`SELECT id, trigger, fingerprint FROM credit_profiles WHERE business_id = $1 ORDER BY computed_at, id`, [b]);

  const customer = async (name: string) => (await owner.post(`${base()}/contacts`, { kind: 'customer', name }).expect(201)).body.id as string;
  const invoice = async (contactId: string, issueDate: string, dueDate: string, unitPrice: string, lines: object[] = []) => {
    const d = await owner
      .post(`${base()}/invoices`, { contactId, issueDate, dueDate, lines: lines.length ? lines : [{ description: 'Tea tasting', quantity: '1', unitPrice }] })
      .expect(201);
    await owner.post(`${base()}/invoices/${d.body.id}/issue`, {}).expect(200);
    return d.body.id as string;
  };
  const manual = (date: string, description: string, debit: string, credit: string, amount: string) =>
    owner
      .post(`${base()}/journal-entries`, {
        date,
        description,
        lines: [
          { accountId: accounts[debit], side: 'debit', amount },
          { accountId: accounts[credit], side: 'credit', amount },
        ],
      })
      .expect(201);

  beforeAll(async () => {
    api = await startApi();
    const config = loadConfig(testEnv());
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, { relay: false, scheduler: false }), { logger: false });
    await worker.init();
    runner = worker.get(JobRunner);
    owner = await signUp(api, 'Credit Owner');
    businessId = await createBusiness(owner, 'Credit Tea Co');
    // In Keeper for two months: entries typed now with old dates are back-dated, not the history it brought along.
    await sql(`UPDATE businesses SET created_at = now() - interval '60 days' WHERE id = $1`, [businessId]);
    [{ today }] = await sql(`SELECT (now() AT TIME ZONE timezone)::date::text AS today FROM businesses WHERE id = $1`, [businessId]);
    const res = await owner.get(`${base()}/accounts?includeInactive=true`).expect(200);
    accounts = Object.fromEntries(res.body.items.map((a: { systemKey: string | null; code: string; id: string }) => [a.systemKey ?? a.code, a.id]));
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('shows an empty state until the first computation, and only to those who may read it', async () => {
    const view = await profile();
    expect(view).toMatchObject({ profile: null, status: { pending: false, lastComputedAt: null, refreshAvailableAt: null }, sharedWith: [] });
    expect(view.referenceCompanies).toBe(4400);
    const staff = await addMember(api, owner, businessId, 'staff');
    await staff.get(`${base()}/credit-profile`).expect(403);
    const accountant = await addMember(api, owner, businessId, 'accountant');
    const asAccountant = (await accountant.get(`${base()}/credit-profile`).expect(200)).body;
    // Accountants read the profile but not whom the business shares with.
    expect(asAccountant.sharedWith).toBeNull();
    await accountant.post(`${base()}/credit-profile/refresh`).expect(403);
  });

  it('computes the features of known books by their formulas, and scores them', async () => {
    const a = await customer('Alder Café');
    const b = await customer('Birch Hotel');
    await manual(day(800), 'Owner invested', 'bank', 'owner_equity', '2000.00');
    // One burst of changes is one pending recompute.
    expect(await openRecomputes()).toHaveLength(1);
    await invoice(a, day(400), day(370), '1000.00');
    const a2 = await invoice(a, day(100), day(70), '500.00');
    await owner
      .post(`${base()}/payments`, { contactId: a, method: 'bank_transfer', date: day(80), amount: '500.00', allocations: [{ invoiceId: a2, amount: '500.00' }] })
      .expect(201);
    await manual(day(60), 'Bank loan', 'bank', 'loans_payable', '1000.00');
    const b1 = await invoice(b, day(40), day(10), '300.00');
    await owner.post(`${base()}/expenses`, { date: day(30), accountId: accounts.rent, amount: '120.00', taxRateId: null, paidFrom: 'bank', payee: 'Landlord' }).expect(201);
    await owner
      .post(`${base()}/credit-notes`, { invoiceId: b1, date: day(20), reason: 'Broken cups', lines: [{ description: 'Broken cups', quantity: '1', unitPrice: '50.00' }] })
      .expect(201);
    const b2 = await invoice(b, day(5), day(-25), '200.00');
    await owner.post(`${base()}/invoices/${b2}/void`, { reason: 'Sent twice' }).expect(200);
    expect(await openRecomputes()).toHaveLength(1);
    expect((await profile()).status.pending).toBe(true);

    expect(await recompute()).toBe(1);
    expect(await openRecomputes()).toHaveLength(0);
    const view = await profile();
    expect(view.status).toMatchObject({ pending: false, pendingSince: null });
    const p = view.profile;
    expect(p).toMatchObject({ asOf: today, trigger: 'books_changed', modelVersion: 'keeper-pd-2026.11.1', dataFreshness: { dataThrough: today } });
    expect(p.score).toBeGreaterThan(300);
    expect(['A', 'B', 'C', 'D', 'E']).toContain(p.grade);
    expect(p.pd).toBeGreaterThan(0);
    expect(p.pd).toBeLessThan(1);

    // SALES 500 + 300 + 200 − 200 (void) − 50 (credit note) = 750.00; prior year 1,000.00.
    // Cash 2,000 + 500 − 120 + 1,000 = 3,380; receivables 1,000 + 300 − 50 = 1,250; assets 4,630;
    // no short-term debt, a 1,000 loan; profit 750 − 120 = 630.
    const factor = (f: string) => p.factors.find((x: { feature: string }) => x.feature === f);
    const near = (f: string, v: number) => expect(factor(f).value).toBeCloseTo(v, 9);
    near('attr1', 63000 / 463000);
    near('attr35', 63000 / 463000);
    near('attr39', 0.84);
    near('attr2', 100000 / 463000);
    near('attr51', 0);
    near('attr3', 1);
    near('attr50', 4.63);
    near('attr30', (100000 - 338000) / 75000);
    near('attr9', 75000 / 463000);
    near('attr44', (125000 * 365) / 75000);
    near('attr20', 0);
    near('attr21', 0.75);
    // Nothing due within a year: current assets over zero short-term debt is an infinite cover.
    for (const f of ['attr4', 'attr46', 'attr40', 'attr63', 'attr12']) expect(factor(f)).toMatchObject({ value: null, limit: 'infinity' });
    expect(p.factors).toHaveLength(17);
    expect(p.factors[0].points).toBeGreaterThanOrEqual(p.factors[16].points);
    expect(factor('attr44')).toMatchObject({ unit: 'days', code: 'RECEIVABLE_DAYS', reference: { median: expect.any(Number) } });
    for (const r of p.reasons) expect(r.text.en.length).toBeGreaterThan(10);

    expect(p.features).toMatchObject({
      currency: 'USD',
      sales12mMinor: '75000',
      salesPrev12mMinor: '100000',
      netProfit12mMinor: '63000',
      activeCustomers: 2,
      repeatCustomers: 0,
      monthsOfHistory: 26,
      daysPayablesOutstanding: 0,
      daysInventory: null,
      refundRatio: 0,
    });
    expect(p.features.growthYoY).toBeCloseTo(-0.25, 12);
    expect(p.features.grossMargin).toBe(1);
    expect(p.features.daysSalesOutstanding).toBeCloseTo((125000 * 365) / 75000, 9);
    expect(p.features.creditNoteRatio).toBeCloseTo(5000 / 80000, 12);
    const months = p.features.monthlyRevenue as { month: string; salesMinor: string }[];
    expect(months).toHaveLength(24);
    expect(months[23].month).toBe(today.slice(0, 7));
    expect(months.reduce((s, m) => s + BigInt(m.salesMinor), 0n)).toBe(175000n);

    expect(p.signals.concentration).toEqual({ customers: 2, largestCustomerShare: 50000 / 75000, top5Share: 1, hhi: 0.555556, status: 'flag' });
    expect(p.signals.overdue).toMatchObject({ receivablesMinor: '125000', overdueShare: 1, status: 'flag' });
    expect(p.signals.overdue.aging.over90).toBeCloseTo(0.8, 12);
    expect(p.signals.overdue.aging.days1To30).toBeCloseTo(0.2, 12);
    const check = (key: string) => p.signals.trust.checks.find((c: { key: string }) => c.key === key);
    expect(check('payments_recorded').value).toBeCloseTo(50000 / 75000, 12);
    expect(check('payments_recorded').status).toBe('watch');
    expect(check('shipments_invoiced').status).toBe('not_applicable');
    expect(check('stock_purchases').status).toBe('not_applicable');
    // Everything was entered today: the sales dated more than 30 days back (500 and 300) are back-dated.
    expect(check('backdated_entries').value).toBeCloseTo(80000 / 75000, 12);
    expect(check('backdated_entries').status).toBe('flag');

    // An independent model: the same sums straight from every journal line of the business.
    const lines = await sql(
      `SELECT e.entry_date::text AS day, a.type, a.subtype, l.base_amount_minor::text AS amt
         FROM journal_lines l JOIN journal_entries e ON e.business_id = l.business_id AND e.id = l.entry_id
         JOIN accounts a ON a.business_id = l.business_id AND a.id = l.account_id WHERE l.business_id = $1`,
      [businessId],
    );
    const from12 = (await sql(`SELECT ($1::date - interval '12 months')::date::text AS d`, [today]))[0].d;
    const sum = (pick: (l: { day: string; type: string; subtype: string }) => boolean) =>
      lines.filter(pick).reduce((s: bigint, l: { amt: string }) => s + BigInt(l.amt), 0n);
    const salesSubtypes = ['operating_income', 'contra_income'];
    expect(-sum((l) => salesSubtypes.includes(l.subtype) && l.day > from12 && l.day <= today)).toBe(75000n);
    expect(sum((l) => ['cash', 'bank'].includes(l.subtype))).toBe(338000n);
    expect(sum((l) => l.type === 'asset')).toBe(463000n);
    const byMonth = new Map<string, bigint>();
    for (const l of lines.filter((x: { subtype: string }) => salesSubtypes.includes(x.subtype))) {
      byMonth.set(l.day.slice(0, 7), (byMonth.get(l.day.slice(0, 7)) ?? 0n) - BigInt(l.amt));
    }
    for (const m of months) expect([m.month, BigInt(m.salesMinor)]).toEqual([m.month, byMonth.get(m.month) ?? 0n]);
    // Volatility: population sd / mean of the complete months of the last year (the first entry is older).
    const complete = months.slice(-13, -1).map((m) => Number(m.salesMinor));
    const mean = complete.reduce((s, v) => s + v, 0) / 12;
    const sd = Math.sqrt(complete.reduce((s, v) => s + (v - mean) ** 2, 0) / 12);
    expect(p.signals.revenueVolatility.value).toBeCloseTo(sd / mean, 9);
  });

  it('keeps the facts incrementally equal to a full recompute, and stores no snapshot when nothing changed', async () => {
    const c = await customer('Cedar Deli');
    // Back-dated documents land in old days; a stock receipt and a direct sale of stocked goods join.
    await invoice(c, day(300), day(270), '80.00');
    await manual(day(250), 'Interest received', 'bank', 'interest_income', '12.00');
    await recompute();
    const tea = (await owner.post(`${base()}/products`, { sku: `T-${randomUUID().slice(0, 6)}`, name: 'Tea', kind: 'product', trackStock: true, salesPrice: '10.00' }).expect(201))
      .body.id;
    const [{ id: main }] = (await owner.get(`${base()}/locations`).expect(200)).body.items;
    await owner.post(`${base()}/stock/adjustments`, { locationId: main, reason: 'found', lines: [{ productId: tea, quantityChange: '10', unitCost: '5.00' }] }).expect(201);
    await invoice(c, day(2), day(-28), '', [{ productId: tea, description: 'Tea', quantity: '2', unitPrice: '10.00' }]);
    await invoice(c, day(300), day(270), '40.00');
    await recompute();

    const facts = () =>
      Promise.all([
        sql(`SELECT * FROM credit_daily_facts WHERE business_id = $1 ORDER BY day`, [businessId]),
        sql(`SELECT day, contact_id, sales_minor, invoices FROM credit_customer_facts WHERE business_id = $1 ORDER BY day, contact_id`, [businessId]),
      ]);
    const strip = (rows: Record<string, unknown>[]) => rows.map(({ id: _id, ...rest }) => rest);
    const [daily, customers] = await facts();
    const db = worker.get(Db);
    await db.tenant(businessId, (t) => worker.get(CreditFactsRepository).rebuildDays(t, null));
    const [fullDaily, fullCustomers] = await facts();
    expect(strip(daily)).toEqual(strip(fullDaily));
    expect(customers).toEqual(fullCustomers);
    expect(daily.length).toBeGreaterThan(8);

    const p = (await profile()).profile;
    const check = (key: string) => p.signals.trust.checks.find((x: { key: string }) => x.key === key);
    // 20.00 of stocked tea invoiced with no shipment; 50.00 of stock appeared by adjustment, none bought.
    expect(check('shipments_invoiced')).toMatchObject({ value: 1, status: 'flag' });
    expect(check('stock_purchases')).toMatchObject({ value: 1, status: 'flag' });
    // Cedar Deli was invoiced three times in the year.
    expect(p.features).toMatchObject({ activeCustomers: 3, repeatCustomers: 1 });

    // Computing again from the same books changes nothing, so no snapshot is added.
    const before = await snapshots();
    const again = await db.tenant(businessId, (t) => worker.get(CreditProfileService).compute(t, 'owner_request'));
    expect(again).toEqual({ profileId: p.id, created: false, cleared: true });
    expect(await snapshots()).toEqual(before);
  });

  it('recomputes once for a burst, and again when changes come in while it runs', async () => {
    const b = await createBusiness(owner, 'Burst Co');
    const url = `/api/businesses/${b}`;
    const c = (await owner.post(`${url}/contacts`, { kind: 'customer', name: 'Busy Buyer' }).expect(201)).body.id;
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        const d = await owner.post(`${url}/invoices`, { contactId: c, lines: [{ description: 'Tea', quantity: '1', unitPrice: '5.00' }] }).expect(201);
        await owner.post(`${url}/invoices/${d.body.id}/issue`, {}).expect(200);
      }),
    );
    expect(await openRecomputes(b)).toHaveLength(1);
    const [{ changes }] = await sql(`SELECT changes::int FROM credit_profile_state WHERE business_id = $1`, [b]);
    expect(changes).toBe(10);
    // The job delivered three times at once recomputes once.
    expect(await runOutboxJobs(runner, b, 'credit.recompute', { field: 'businessId', value: b }, 3)).toBe(1);
    expect(await snapshots(b)).toHaveLength(1);
    expect(await openRecomputes(b)).toHaveLength(0);

    // A change that commits while the recompute runs: the recompute cannot clear the state, so it queues itself again.
    const d = await owner.post(`${url}/invoices`, { contactId: c, lines: [{ description: 'Tea', quantity: '1', unitPrice: '7.00' }] }).expect(201);
    await owner.post(`${url}/invoices/${d.body.id}/issue`, {}).expect(200);
    const holder = await sqlAs('postgres');
    try {
      await holder.query('BEGIN');
      await holder.query(`UPDATE credit_profile_state SET changes = changes + 1 WHERE business_id = $1`, [b]);
      const running = recompute(b);
      // The recompute has reached its final update and waits for the concurrent change's lock.
      await eventually(async () => {
        const waiting = await sql(`SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%credit_profile_state%'`);
        return waiting.length > 0;
      });
      await holder.query('COMMIT');
      await running;
    } finally {
      await holder.end();
    }
    expect(await snapshots(b)).toHaveLength(2);
    const [state] = await sql(`SELECT pending_since IS NOT NULL AS pending FROM credit_profile_state WHERE business_id = $1`, [b]);
    expect(state.pending).toBe(true);
    expect(await openRecomputes(b)).toHaveLength(1);
    await recompute(b);
    expect((await sql(`SELECT pending_since FROM credit_profile_state WHERE business_id = $1`, [b]))[0].pending_since).toBeNull();
    // Nothing changed in the books since: no third snapshot.
    expect(await snapshots(b)).toHaveLength(2);
  });

  it('keeps snapshots immutable for everyone', async () => {
    const [row] = await snapshots();
    const db = await sqlAs('postgres');
    try {
      await expect(db.query(`UPDATE credit_profiles SET score = 999 WHERE id = $1`, [row.id])).rejects.toThrow(/append-only/);
      await expect(db.query(`DELETE FROM credit_profiles WHERE id = $1`, [row.id])).rejects.toThrow(/append-only/);
      await expect(db.query(`TRUNCATE credit_profiles CASCADE`)).rejects.toThrow(/append-only/);
    } finally {
      await db.end();
    }
    const privileges = await sql(
      `SELECT privilege_type FROM information_schema.role_table_grants WHERE grantee = 'keeper_app' AND table_name = 'credit_profiles' ORDER BY 1`,
    );
    expect(privileges.map((p) => p.privilege_type)).toEqual(['INSERT', 'SELECT']);
  });

  it('lists the history and snapshots, and rate-limits recompute requests', async () => {
    const history = (await owner.get(`${base()}/credit-profile/history?days=30`).expect(200)).body;
    expect(history).toMatchObject({ from: day(29), to: today });
    expect(history.points).toHaveLength(1);
    expect(history.points[0]).toMatchObject({ day: today, score: (await profile()).profile.score });
    await owner.get(`${base()}/credit-profile/history?days=3`).expect(400);

    const page = (await owner.get(`${base()}/credit-profile/snapshots?limit=1`).expect(200)).body;
    expect(page.items).toHaveLength(1);
    const next = (await owner.get(`${base()}/credit-profile/snapshots?limit=1&cursor=${page.nextCursor}`).expect(200)).body;
    expect(next.items[0].id).not.toBe(page.items[0].id);

    const asked = (await owner.post(`${base()}/credit-profile/refresh`).expect(202)).body;
    expect(asked).toMatchObject({ pending: true, refreshAvailableAt: expect.any(String) });
    const again = await owner.post(`${base()}/credit-profile/refresh`).expect(429);
    expect(again.body.error.code).toBe('RATE_LIMITED');
    expect(Number(again.headers['retry-after'])).toBeGreaterThan(0);
    await recompute();
    expect((await profile()).status.pending).toBe(false);
  });

  it('re-scores nightly only the businesses with a live grant, once per day', async () => {
    const shared = await createBusiness(owner, 'Shared Nightly Co');
    const unshared = await createBusiness(owner, 'Private Nightly Co');
    const [lender] = await sql(`INSERT INTO lender_organisations (name) VALUES ($1) RETURNING id`, [`Nightly Lender ${randomUUID().slice(0, 6)}`]);
    await owner.post('/api/auth/confirm-password', { password: PASSWORD }).expect(204);
    await owner
      .post(`/api/businesses/${shared}/consent/grants`, { recipient: 'lender', lenderId: lender.id, purpose: 'working_capital', scopes: ['profile'], lookbackMonths: 12 })
      .expect(201);
    // The grant itself asked for a profile.
    expect((await openRecomputes(shared)).length).toBe(1);
    expect((await sql(`SELECT pending_trigger FROM credit_profile_state WHERE business_id = $1`, [shared]))[0].pending_trigger).toBe('consent_granted');

    const queue = worker.get(JobQueues).queue('credit');
    await runner.process({ id: `scan-${randomUUID()}`, name: 'credit.nightly-scan', data: { payload: {}, outbox: null }, attemptsMade: 0 });
    const hour = new Date().toISOString().slice(0, 13);
    const job = await queue.getJob(`credit-nightly-${shared}-${hour}`);
    expect(job?.data.payload).toEqual({ businessId: shared });
    expect(await queue.getJob(`credit-nightly-${unshared}-${hour}`)).toBeUndefined();

    // The day's run, delivered three times at once (and the queued job besides), happens once.
    const score = () => runner.process({ id: `nightly-${randomUUID()}`, name: 'credit.nightly-score', data: { payload: { businessId: shared }, outbox: null }, attemptsMade: 0 });
    await Promise.all([score(), score(), score()]);
    await eventually(async () => (await queue.getJobState(`credit-nightly-${shared}-${hour}`)) === 'completed');
    const runs = await sql(`SELECT day::text, profile_id FROM credit_nightly_runs WHERE business_id = $1`, [shared]);
    const [{ bday }] = await sql(`SELECT (now() AT TIME ZONE timezone)::date::text AS bday FROM businesses WHERE id = $1`, [shared]);
    expect(runs).toEqual([{ day: bday, profile_id: expect.any(String) }]);
    const nightly = await sql(`SELECT id, trigger FROM credit_profiles WHERE business_id = $1`, [shared]);
    expect(nightly).toEqual([{ id: runs[0].profile_id, trigger: 'nightly' }]);
    expect(await sql(`SELECT 1 FROM credit_nightly_runs WHERE business_id = $1`, [unshared])).toEqual([]);
    // The nightly run covered the pending grant: its recompute finds nothing to do.
    await recompute(shared);
    expect(await sql(`SELECT id FROM credit_profiles WHERE business_id = $1`, [shared])).toHaveLength(1);
  });

  it('marks the books changed in the transaction of the change, so a rolled-back change asks for nothing', async () => {
    const b = await createBusiness(owner, 'Rollback Co');
    const db = worker.get(Db);
    await expect(
      db.tenant(b, async (t) => {
        await worker.get(CreditSignals).booksChanged(t);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await sql(`SELECT 1 FROM credit_profile_state WHERE business_id = $1`, [b])).toEqual([]);
    expect(await openRecomputes(b)).toEqual([]);
  });

  it('does not count history typed in during the first month in Keeper as back-dated', async () => {
    const newcomer = await createBusiness(owner, 'Newcomer Tea');
    const nb = `/api/businesses/${newcomer}`;
    const c = (await owner.post(`${nb}/contacts`, { kind: 'customer', name: 'Old Customer' }).expect(201)).body.id;
    for (const ago of [200, 120, 45]) {
      const d = await owner
        .post(`${nb}/invoices`, { contactId: c, issueDate: day(ago), dueDate: day(ago - 30), lines: [{ description: 'Tea', quantity: '1', unitPrice: '100.00' }] })
        .expect(201);
      await owner.post(`${nb}/invoices/${d.body.id}/issue`, {}).expect(200);
    }
    await recompute(newcomer);
    const view = (await owner.get(`${nb}/credit-profile`).expect(200)).body;
    const backdated = view.profile.signals.trust.checks.find((x: { key: string }) => x.key === 'backdated_entries');
    expect(backdated.status).toBe('ok');
  });
});
