import { NestFactory } from '@nestjs/core';
import { SCANS } from '../src/modules/recurring/jobs/scan-scheduler';
import type { INestApplicationContext } from '@nestjs/common';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { WorkerModule } from '../src/app/worker.module';
import { loadConfig } from '../src/config/config';
import { JobQueues } from '../src/jobs/job-queues';
import { JobRunner } from '../src/jobs/job-runner';
import { CATCH_UP_PER_RUN } from '../src/modules/recurring/recurring-generator';
import { addMember, Api, privateDatabase, Session, signUp, sqlAs, startApi } from './harness';
import { PrivateRedis } from './redis-server';
import { testEnv } from './test-env';
import { eventually } from './eventually';
import { addDays, addMonths } from '../src/common/dates';

describe('recurring invoices', () => {
  let redis: PrivateRedis;
  let api: Api;
  let worker: INestApplicationContext;
  let runner: JobRunner;
  let owner: Session;
  let databaseName: string;
  let businessId: string;
  let customerId: string;
  let today: string;
  let urls: Record<string, string>;
  const mailDir = `/tmp/keeper-recurring-test-${process.pid}`;
  const base = () => `/api/businesses/${businessId}`;
  const lines = [{ description: 'Monthly bookkeeping', quantity: '1', unitPrice: '250.00' }];

  const sql = async (text: string, params: unknown[] = []) => {
    const db = await sqlAs('postgres', databaseName);
    try {
      return (await db.query(text, params)).rows;
    } finally {
      await db.end();
    }
  };
  const runs = (templateId: string) =>
    sql(
      `SELECT r.occurrence_date::text AS date, i.status, i.issue_date::text AS "issueDate"
         FROM recurring_invoice_runs r JOIN invoices i ON i.business_id = r.business_id AND i.id = r.invoice_id
        WHERE r.template_id = $1 ORDER BY r.occurrence_date`,
      [templateId],
    );
  const generate = (templateId: string, occurrenceDate: string, id = `recurring-${templateId}-${occurrenceDate}`) =>
    runner.process({ id, name: 'recurring.generate', data: { payload: { businessId, templateId, occurrenceDate }, outbox: null }, attemptsMade: 0 });
  const scan = () => runner.process({ id: 'scan', name: 'recurring.scan', data: { payload: {}, outbox: null }, attemptsMade: 0 });
  const template = async (id: string) => (await owner.get(`${base()}/recurring-invoices/${id}`).expect(200)).body;
  const make = async (body: object) =>
    (await owner.post(`${base()}/recurring-invoices`, { contactId: customerId, lines, ...body }).expect(201)).body.id as string;
  const auditOf = (targetId: string) =>
    sql(`SELECT action, actor_kind AS "actorKind", details FROM audit_events WHERE target_id = $1 ORDER BY created_at, id`, [targetId]);
  const mailsTo = (email: string) => {
    if (!existsSync(mailDir)) return [];
    return readdirSync(mailDir)
      .filter((f) => f.endsWith('.eml')).map((f) => readFileSync(join(mailDir, f), 'utf8')).filter((m) => m.includes(`To: ${email}`));
  };
  /** Delivers each open 'recurring.draft-ready' outbox row of the invoice `times` times at once, as the relay would. */
  const deliverDraftNotices = async (invoiceId: string, times = 1) => {
    const rows = await sql(`SELECT id, payload FROM outbox WHERE job = 'recurring.draft-ready' AND payload->>'invoiceId' = $1`, [invoiceId]);
    for (const row of rows) {
      const delivery = { id: row.id, name: 'recurring.draft-ready', data: { payload: row.payload, outbox: { businessId, id: row.id } }, attemptsMade: 0 };
      await Promise.all(Array.from({ length: times }, () => runner.process(delivery)));
    }
    return rows.length;
  };

  beforeAll(async () => {
    rmSync(mailDir, { recursive: true, force: true });
    const { DATABASE_NAME, ...rest } = await privateDatabase('recurring');
    databaseName = DATABASE_NAME;
    urls = rest;
    redis = await PrivateRedis.create();
    await redis.start();
    api = await startApi({ ...urls, REDIS_URL: redis.url, MAIL_DIR: mailDir });
    const config = loadConfig(testEnv({ ...urls, REDIS_URL: redis.url, MAIL_DIR: mailDir }));
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, { relay: false, scheduler: false }), { logger: false });
    await worker.init();
    runner = worker.get(JobRunner);
    owner = await signUp(api);
    businessId = (await owner.post('/api/businesses', { name: 'Recurring Co', baseCurrency: 'USD', timezone: 'UTC' }).expect(201)).body.id;
    customerId = (await owner.post(`${base()}/contacts`, { kind: 'customer', name: 'Monthly Client', paymentTermsDays: 14 }).expect(201)).body.id;
    today = (await sql(`SELECT (now() AT TIME ZONE 'UTC')::date::text AS today`))[0].today;
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await redis?.stop();
  });

  it('creates, validates, pauses, resumes and deletes templates, each in the audit log', async () => {
    const bad = await owner.post(`${base()}/recurring-invoices`, { contactId: customerId, frequency: 'daily', startDate: '2026-13-01', lines: [] }).expect(400);
    expect(bad.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['frequency', 'lines', 'startDate']);
    const fx = await owner
      .post(`${base()}/recurring-invoices`, { contactId: customerId, currency: 'EUR', frequency: 'monthly', startDate: '2030-01-31', autoIssue: true, lines })
      .expect(400);
    expect(fx.body.error.fields).toEqual([expect.objectContaining({ field: 'autoIssue', code: 'needs_exchange_rate' })]);
    // Lines are checked as the invoices will be, with the same field names; auto-send needs auto-issue and an email.
    const lineErrors = await owner
      .post(`${base()}/recurring-invoices`, {
        contactId: customerId,
        frequency: 'monthly',
        startDate: '2030-01-31',
        autoSend: true,
        dueDays: 400,
        lines: [{ description: 'No price', quantity: '1' }],
      })
      .expect(400);
    expect(lineErrors.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['dueDays']);
    const priceless = await owner
      .post(`${base()}/recurring-invoices`, { contactId: customerId, frequency: 'monthly', startDate: '2030-01-31', autoSend: true, lines: [{ description: 'No price', quantity: '1' }] })
      .expect(400);
    expect(priceless.body.error.fields.map((f: { field: string; code: string }) => `${f.field}:${f.code}`).sort()).toEqual([
      'autoSend:needs_auto_issue',
      'lines.0.unitPrice:required',
    ]);
    const noEmail = await owner
      .post(`${base()}/recurring-invoices`, { contactId: customerId, frequency: 'monthly', startDate: '2030-01-31', autoIssue: true, autoSend: true, lines })
      .expect(400);
    expect(noEmail.body.error.fields).toEqual([expect.objectContaining({ field: 'autoSend', code: 'no_email' })]);

    const created = await owner
      .post(`${base()}/recurring-invoices`, {
        contactId: customerId,
        frequency: 'monthly',
        startDate: '2030-01-31',
        count: 3,
        dueDays: 10,
        lines: [{ description: 'Retainer', quantity: '2', unitPrice: '125.5' }],
      })
      .expect(201);
    expect(created.body).toMatchObject({
      nextDate: '2030-01-31',
      status: 'active',
      active: true,
      autoIssue: false,
      autoSend: false,
      count: 3,
      dueDays: 10,
      generatedCount: 0,
      draftCount: 0,
      currency: 'USD',
      amount: { amountMinor: '25100', currency: 'USD' },
      lines: [{ description: 'Retainer', quantity: '2', unitPrice: '125.50', discountPercent: '0', taxRateId: null }],
    });
    const id = created.body.id;
    const updated = await owner.agent
      .put(`${base()}/recurring-invoices/${id}`)
      .set('X-CSRF-Token', owner.csrf)
      .send({ contactId: customerId, frequency: 'monthly', startDate: '2030-01-31', count: 4, lines })
      .expect(200);
    expect(updated.body).toMatchObject({ count: 4, dueDays: null, amount: { amountMinor: '25000' } });
    expect((await owner.post(`${base()}/recurring-invoices/${id}/pause`).expect(200)).body).toMatchObject({ active: false, status: 'paused' });
    expect((await owner.post(`${base()}/recurring-invoices/${id}/resume`).expect(200)).body).toMatchObject({ active: true, nextDate: '2030-01-31' });
    const list = await owner.get(`${base()}/recurring-invoices`).expect(200);
    expect(list.body.items.map((t: { id: string }) => t.id)).toContain(id);
    await owner.delete(`${base()}/recurring-invoices/${id}`).expect(204);
    await owner.get(`${base()}/recurring-invoices/${id}`).expect(404);

    const audit = await auditOf(id);
    expect(audit.map((e) => e.action)).toEqual([
      'recurring_invoice.created',
      'recurring_invoice.updated',
      'recurring_invoice.paused',
      'recurring_invoice.resumed',
      'recurring_invoice.deleted',
    ]);
    expect(audit.every((e) => e.actorKind === 'user')).toBe(true);
    expect(audit[0].details).toMatchObject({ customer: 'Monthly Client', frequency: 'monthly', currency: 'USD', nextDate: '2030-01-31' });
  });

  it('generates one invoice per occurrence when the job runs twice and concurrently, and advances across month ends', async () => {
    const year = Number(today.slice(0, 4)) + 1;
    const t = (
      await owner
        .post(`${base()}/recurring-invoices`, { contactId: customerId, frequency: 'monthly', startDate: `${year}-01-31`, autoIssue: true, dueDays: 5, lines })
        .expect(201)
    ).body;
    await Promise.all([generate(t.id, `${year}-01-31`), generate(t.id, `${year}-01-31`), generate(t.id, `${year}-01-31`, 'other-id')]);
    await generate(t.id, `${year}-01-31`);
    expect(await runs(t.id)).toEqual([{ date: `${year}-01-31`, status: 'issued', issueDate: `${year}-01-31` }]);
    const feb = addMonths(`${year}-01-31`, 1);
    expect(await template(t.id)).toMatchObject({ nextDate: feb, generatedCount: 1, draftCount: 0 });
    const [inv] = await sql(`SELECT due_date::text AS due FROM invoices i JOIN recurring_invoice_runs r ON r.invoice_id = i.id WHERE r.template_id = $1`, [t.id]);
    expect(inv.due).toBe(`${year}-02-05`);

    // A stale occurrence (already generated) and a future one (not yet the next) do nothing; the
    // next one, though in the future, is generated alone (nothing after it is due yet).
    await generate(t.id, `${year}-03-31`);
    await Promise.all([generate(t.id, feb), generate(t.id, feb)]);
    await generate(t.id, `${year}-01-31`);
    await generate(t.id, `${year}-03-31`);
    expect((await runs(t.id)).map((r) => r.date)).toEqual([`${year}-01-31`, feb, `${year}-03-31`]);
    expect((await template(t.id)).nextDate).toBe(`${year}-04-30`);
    const invoices = await sql(`SELECT count(*)::int AS n FROM recurring_invoice_runs WHERE template_id = $1`, [t.id]);
    expect(invoices[0].n).toBe(3);

    // The generated invoices, newest first, a page at a time.
    const first = await owner.get(`${base()}/recurring-invoices/${t.id}/invoices?limit=2`).expect(200);
    expect(first.body.items.map((r: { occurrenceDate: string }) => r.occurrenceDate)).toEqual([`${year}-03-31`, feb]);
    expect(first.body.items[0].invoice).toMatchObject({ status: 'issued', number: expect.stringMatching(/^INV-/), total: { amountMinor: '25000' } });
    const second = await owner.get(`${base()}/recurring-invoices/${t.id}/invoices?limit=2&cursor=${first.body.nextCursor}`).expect(200);
    expect(second.body).toMatchObject({ nextCursor: null, items: [expect.objectContaining({ occurrenceDate: `${year}-01-31` })] });

    await owner.post(`${base()}/recurring-invoices/${t.id}/pause`).expect(200);
    await owner.delete(`${base()}/recurring-invoices/${t.id}`).expect(409);
  });

  it('catches up every due occurrence in one run, in order and once, and the rest of a long backlog on the next scan', async () => {
    // Eleven weekly occurrences are due (10 weeks ago through today).
    const behind = await make({ frequency: 'weekly', startDate: addDays(today, -70), autoIssue: true });
    await Promise.all([generate(behind, addDays(today, -70)), generate(behind, addDays(today, -70), 'duplicate-delivery')]);
    const made = await runs(behind);
    expect(made.map((r) => r.date)).toEqual(Array.from({ length: 11 }, (_, n) => addDays(today, -70 + 7 * n)));
    expect(made.every((r) => r.status === 'issued' && r.issueDate === r.date)).toBe(true);
    // Issued in date order: the numbers rise with the dates.
    const numbers = await sql(
      `SELECT i.number FROM recurring_invoice_runs r JOIN invoices i ON i.id = r.invoice_id WHERE r.template_id = $1 ORDER BY r.occurrence_date`,
      [behind],
    );
    expect(numbers.map((n) => n.number)).toEqual([...numbers.map((n) => n.number)].sort());
    expect(await template(behind)).toMatchObject({ nextDate: addDays(today, 7), generatedCount: 11 });

    // Further behind than one run's cap: the cap in one scan, the rest in the next.
    const due = CATCH_UP_PER_RUN + 6;
    const far = await make({ frequency: 'weekly', startDate: addDays(today, -7 * (due - 1)) });
    await scan();
    await eventually(async () => (await runs(far)).length === CATCH_UP_PER_RUN);
    expect((await template(far)).nextDate).toBe(addDays(today, -7 * (due - 1 - CATCH_UP_PER_RUN)));
    await scan();
    await eventually(async () => (await runs(far)).length === due);
    expect(await template(far)).toMatchObject({ nextDate: addDays(today, 7), generatedCount: due, draftCount: due });

    // A count ends the catch-up where the series ends.
    const counted = await make({ frequency: 'weekly', startDate: addDays(today, -70), count: 4 });
    await generate(counted, addDays(today, -70));
    expect(await runs(counted)).toHaveLength(4);
    expect(await template(counted)).toMatchObject({ status: 'ended', nextDate: null, generatedCount: 4 });
  });

  it('scans only due templates, advances their next dates, and stops ended ones', async () => {
    const weekly = await make({ frequency: 'weekly', startDate: addDays(today, -10) });
    const future = await make({ frequency: 'monthly', startDate: addDays(today, 5) });
    const ending = await make({ frequency: 'weekly', startDate: addDays(today, -14), endDate: addDays(today, -14) });
    const counted = await make({ frequency: 'weekly', startDate: addDays(today, -14), count: 1 });
    const paused = await make({ frequency: 'weekly', startDate: addDays(today, -14) });
    await owner.post(`${base()}/recurring-invoices/${paused}/pause`).expect(200);

    await scan();
    await eventually(async () => (await runs(weekly)).length === 2 && (await runs(ending)).length === 1 && (await runs(counted)).length === 1);
    expect(await runs(weekly)).toEqual([
      expect.objectContaining({ date: addDays(today, -10), status: 'draft' }),
      expect.objectContaining({ date: addDays(today, -3), status: 'draft' }),
    ]);
    expect((await template(weekly)).nextDate).toBe(addDays(today, 4));

    await scan();
    await scan();
    // Give any (wrongly) enqueued job time to run before asserting nothing more happened.
    await new Promise((r) => setTimeout(r, 500));
    expect(await runs(weekly)).toHaveLength(2);
    expect(await runs(future)).toHaveLength(0);
    expect(await runs(paused)).toHaveLength(0);
    expect(await runs(ending)).toHaveLength(1);
    expect(await runs(counted)).toHaveLength(1);
    expect(await template(ending)).toMatchObject({ nextDate: null, status: 'ended' });
    expect(await template(counted)).toMatchObject({ nextDate: null, status: 'ended' });

    const statusOf = async (status: string) =>
      (await owner.get(`${base()}/recurring-invoices?status=${status}&limit=100`).expect(200)).body.items.map((t: { id: string }) => t.id);
    expect(await statusOf('ended')).toEqual(expect.arrayContaining([ending, counted]));
    expect(await statusOf('ended')).not.toContain(weekly);
    expect(await statusOf('paused')).toContain(paused);
    expect(await statusOf('paused')).not.toEqual(expect.arrayContaining([weekly]));
    expect(await statusOf('active')).toEqual(expect.arrayContaining([weekly, future]));
    expect(await statusOf('active')).not.toEqual(expect.arrayContaining([paused]));
    await owner.get(`${base()}/recurring-invoices?status=stopped`).expect(400);
  });

  it('continues a changed schedule after the last invoiced occurrence, and counts invoices, not skipped dates', async () => {
    const id = await make({ frequency: 'weekly', startDate: addDays(today, -14), count: 5 });
    await generate(id, addDays(today, -14));
    expect(await runs(id)).toHaveLength(3); // -14, -7, today
    // Monthly from the same start: its first date after today's invoice is next month.
    const changed = await owner.agent
      .put(`${base()}/recurring-invoices/${id}`)
      .set('X-CSRF-Token', owner.csrf)
      .send({ contactId: customerId, frequency: 'monthly', startDate: addDays(today, -14), count: 5, lines })
      .expect(200);
    expect(changed.body).toMatchObject({ nextDate: addMonths(addDays(today, -14), 1), generatedCount: 3, status: 'active' });
    // Back to weekly from an earlier start: nothing up to today is invoiced again.
    const back = await owner.agent
      .put(`${base()}/recurring-invoices/${id}`)
      .set('X-CSRF-Token', owner.csrf)
      .send({ contactId: customerId, frequency: 'weekly', startDate: addDays(today, -28), count: 5, lines })
      .expect(200);
    expect(back.body.nextDate).toBe(addDays(today, 7));
    await generate(id, addDays(today, 7));
    await generate(id, addDays(today, 14));
    await generate(id, addDays(today, 21));
    expect((await runs(id)).map((r) => r.date)).toEqual([-14, -7, 0, 7, 14].map((d) => addDays(today, d)));
    expect(await template(id)).toMatchObject({ status: 'ended', generatedCount: 5 });
  });

  it('leaves an invoice in another currency as a draft and emails the owner once to issue it with the day\'s rate', async () => {
    const euroClient = (await owner.post(`${base()}/contacts`, { kind: 'customer', name: 'Euro Client', currency: 'EUR', paymentTermsDays: 30 }).expect(201)).body.id;
    const id = await make({ contactId: euroClient, frequency: 'monthly', startDate: today, lines: [{ description: 'Hosting', quantity: '1', unitPrice: '80' }] });
    expect(await template(id)).toMatchObject({ currency: 'EUR', autoIssue: false, amount: { amountMinor: '8000', currency: 'EUR' } });
    await generate(id, today);
    const [run] = await runs(id);
    expect(run.status).toBe('draft');
    expect(await template(id)).toMatchObject({ draftCount: 1, generatedCount: 1 });
    const [{ invoice_id: invoiceId }] = await sql(`SELECT invoice_id FROM recurring_invoice_runs WHERE template_id = $1`, [id]);

    // Delivered three times at once (the relay re-dispatching): one email.
    expect(await deliverDraftNotices(invoiceId, 3)).toBe(1);
    const mails = mailsTo(owner.user.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toContain('Euro Client');
    expect(mails[0]).toMatch(/exchange rate/);
    expect(mails[0]).toContain(`/sales/invoices/${invoiceId}/edit`);
    expect((await sql(`SELECT status FROM outbox WHERE job = 'recurring.draft-ready' AND payload->>'invoiceId' = $1`, [invoiceId]))[0].status).toBe('done');

    // The owner issues it with the day's rate; the draft count drops.
    await owner.post(`${base()}/invoices/${invoiceId}/issue`, {}).expect(400);
    await owner.post(`${base()}/invoices/${invoiceId}/issue`, { exchangeRate: '1.0825' }).expect(200);
    expect(await template(id)).toMatchObject({ draftCount: 0 });

    // A notice that arrives after the draft was issued sends nothing.
    await runner.process({ id: 'late', name: 'recurring.draft-ready', data: { payload: { businessId, templateId: id, invoiceId }, outbox: null }, attemptsMade: 0 });
    expect(mailsTo(owner.user.email)).toHaveLength(1);
  });

  it('tells the owners when the template\'s creator has left, and emails auto-sent invoices to the customer', async () => {
    const admin = await addMember(api, owner, businessId, 'admin');
    const mailed = (await owner.post(`${base()}/contacts`, { kind: 'customer', name: 'Mailed Client', email: 'billing@mailed.example' }).expect(201)).body.id;
    const byAdmin = (await admin.post(`${base()}/recurring-invoices`, { contactId: mailed, frequency: 'yearly', startDate: today, lines }).expect(201)).body.id;
    const sent = (
      await admin.post(`${base()}/recurring-invoices`, { contactId: mailed, frequency: 'yearly', startDate: today, autoIssue: true, autoSend: true, lines }).expect(201)
    ).body.id;
    const members = await owner.get(`${base()}/members`).expect(200);
    const adminMembership = members.body.items.find((m: { userId: string }) => m.userId === admin.user.id);
    await owner.delete(`${base()}/members/${adminMembership.id}`).expect(204);

    await generate(byAdmin, today);
    const [{ invoice_id: draftId }] = await sql(`SELECT invoice_id FROM recurring_invoice_runs WHERE template_id = $1`, [byAdmin]);
    const before = mailsTo(owner.user.email).length;
    await deliverDraftNotices(draftId);
    expect(mailsTo(admin.user.email)).toHaveLength(0);
    expect(mailsTo(owner.user.email)).toHaveLength(before + 1);

    await generate(sent, today);
    const [{ invoice_id: issuedId }] = await sql(`SELECT invoice_id FROM recurring_invoice_runs WHERE template_id = $1`, [sent]);
    expect((await runs(sent))[0].status).toBe('issued');
    const sends = await sql(`SELECT to_email FROM invoice_sends WHERE invoice_id = $1`, [issuedId]);
    expect(sends).toEqual([{ to_email: 'billing@mailed.example' }]);
    expect(await sql(`SELECT job FROM outbox WHERE payload->>'invoiceId' = $1 AND job <> 'invoice.render-pdf'`, [issuedId])).toEqual([
      { job: 'invoice.send-email' },
    ]);
  });

  it('pauses a template whose customer can no longer be invoiced, with the reason, keeping what it made', async () => {
    const other = (await owner.post(`${base()}/contacts`, { kind: 'customer', name: 'Leaving Client' }).expect(201)).body.id;
    const t = (await owner.post(`${base()}/recurring-invoices`, { contactId: other, frequency: 'yearly', startDate: '2026-02-01', lines }).expect(201)).body;
    await sql(`UPDATE contacts SET archived_at = now() WHERE id = $1`, [other]);
    await generate(t.id, '2026-02-01');
    const after = await template(t.id);
    expect(after).toMatchObject({ active: false, status: 'paused' });
    expect(after.lastError).toMatch(/archived/);
    expect(await runs(t.id)).toHaveLength(0);
    const audit = await auditOf(t.id);
    expect(audit.at(-1)).toMatchObject({ action: 'recurring_invoice.paused', actorKind: 'system', details: { reason: expect.stringMatching(/archived/) } });
  });

  it('registers each repeatable scan once under a fixed scheduler id, however many workers start', async () => {
    const config = loadConfig(testEnv({ ...urls, REDIS_URL: redis.url, SCHEDULER_SCAN_EVERY_SECONDS: '120' }));
    const starts = await Promise.all(
      [1, 2].map(() => NestFactory.createApplicationContext(WorkerModule.forRoot(config, { relay: false, runner: false }), { logger: false })),
    );
    try {
      await Promise.all(starts.map((w) => w.init()));
      const queue = starts[0].get(JobQueues).queue('scheduler');
      const schedulers = await eventually(async () => {
        const found = await queue.getJobSchedulers();
        return found.length === SCANS.length && found;
      });
      expect(schedulers.map((s) => [s.key, s.name, s.every]).sort()).toEqual([
        ['scan:consent.expiry-scan', 'consent.expiry-scan', 120000],
        ['scan:credit.nightly-scan', 'credit.nightly-scan', 120000],
        ['scan:recurring.scan', 'recurring.scan', 120000],
        ['scan:reminders.scan', 'reminders.scan', 120000],
        ['scan:stock.reorder-scan', 'stock.reorder-scan', 120000],
      ]);
    } finally {
      await Promise.all(starts.map((w) => w.close()));
    }
  });
});
