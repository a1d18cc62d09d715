import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { WorkerModule } from '../src/app/worker.module';
import { loadConfig } from '../src/config/config';
import { JobQueues } from '../src/jobs/job-queues';
import { JobRunner } from '../src/jobs/job-runner';
import { Api, privateDatabase, Session, signUp, sqlAs, startApi } from './harness';
import { PrivateRedis } from './redis-server';
import { testEnv } from './test-env';
import { eventually } from './eventually';
import { addDays } from '../src/common/dates';


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

  beforeAll(async () => {
    const { DATABASE_NAME, ...rest } = await privateDatabase('recurring');
    databaseName = DATABASE_NAME;
    urls = rest;
    redis = await PrivateRedis.create();
    await redis.start();
    api = await startApi({ ...urls, REDIS_URL: redis.url });
    const config = loadConfig(testEnv({ ...urls, REDIS_URL: redis.url }));
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

  it('creates, validates, pauses and resumes templates', async () => {
    const bad = await owner.post(`${base()}/recurring-invoices`, { contactId: customerId, frequency: 'daily', startDate: '2026-13-01', lines: [] }).expect(400);
    expect(bad.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['frequency', 'lines', 'startDate']);
    const fx = await owner
      .post(`${base()}/recurring-invoices`, { contactId: customerId, currency: 'EUR', frequency: 'monthly', startDate: '2030-01-31', autoIssue: true, lines })
      .expect(400);
    expect(fx.body.error.fields[0].field).toBe('autoIssue');

    const created = await owner
      .post(`${base()}/recurring-invoices`, { contactId: customerId, frequency: 'monthly', startDate: '2030-01-31', count: 3, lines })
      .expect(201);
    expect(created.body).toMatchObject({ nextDate: '2030-01-31', active: true, autoIssue: false, count: 3, generatedCount: 0, currency: 'USD' });
    const id = created.body.id;
    expect((await owner.post(`${base()}/recurring-invoices/${id}/pause`).expect(200)).body.active).toBe(false);
    expect((await owner.post(`${base()}/recurring-invoices/${id}/resume`).expect(200)).body).toMatchObject({ active: true, nextDate: '2030-01-31' });
    const list = await owner.get(`${base()}/recurring-invoices`).expect(200);
    expect(list.body.items.map((t: { id: string }) => t.id)).toContain(id);
    await owner.delete(`${base()}/recurring-invoices/${id}`).expect(204);
    await owner.get(`${base()}/recurring-invoices/${id}`).expect(404);
  });

  it('generates one invoice per occurrence when the job runs twice and concurrently, and advances across month ends', async () => {
    const t = (
      await owner
        .post(`${base()}/recurring-invoices`, { contactId: customerId, frequency: 'monthly', startDate: '2026-01-31', autoIssue: true, lines })
        .expect(201)
    ).body;
    await Promise.all([generate(t.id, '2026-01-31'), generate(t.id, '2026-01-31'), generate(t.id, '2026-01-31', 'other-id')]);
    await generate(t.id, '2026-01-31');
    expect(await runs(t.id)).toEqual([{ date: '2026-01-31', status: 'issued', issueDate: '2026-01-31' }]);
    const after = (await owner.get(`${base()}/recurring-invoices/${t.id}`).expect(200)).body;
    expect(after).toMatchObject({ nextDate: '2026-02-28', generatedCount: 1 });
    expect(after.runs).toHaveLength(1);

    // A stale occurrence (already generated) and a future one (not yet the next) do nothing.
    await generate(t.id, '2026-03-31');
    await Promise.all([generate(t.id, '2026-02-28'), generate(t.id, '2026-02-28')]);
    await generate(t.id, '2026-03-31');
    expect((await runs(t.id)).map((r) => r.date)).toEqual(['2026-01-31', '2026-02-28', '2026-03-31']);
    expect((await owner.get(`${base()}/recurring-invoices/${t.id}`).expect(200)).body.nextDate).toBe('2026-04-30');
    const invoices = await sql(`SELECT count(*)::int AS n FROM invoices WHERE business_id = $1`, [businessId]);
    expect(invoices[0].n).toBe(3);
    await owner.post(`${base()}/recurring-invoices/${t.id}/pause`).expect(200);
    await owner.delete(`${base()}/recurring-invoices/${t.id}`).expect(409);
  });

  it('scans only due templates, advances their next dates, and stops ended ones', async () => {
    const make = async (body: object) =>
      (await owner.post(`${base()}/recurring-invoices`, { contactId: customerId, lines, ...body }).expect(201)).body.id as string;
    const weekly = await make({ frequency: 'weekly', startDate: addDays(today, -10) });
    const future = await make({ frequency: 'monthly', startDate: addDays(today, 5) });
    const ending = await make({ frequency: 'weekly', startDate: addDays(today, -14), endDate: addDays(today, -14) });
    const counted = await make({ frequency: 'weekly', startDate: addDays(today, -14), count: 1 });
    const paused = await make({ frequency: 'weekly', startDate: addDays(today, -14) });
    await owner.post(`${base()}/recurring-invoices/${paused}/pause`).expect(200);

    await scan();
    await eventually(async () => (await runs(weekly)).length === 1 && (await runs(ending)).length === 1 && (await runs(counted)).length === 1);
    const next = async (id: string) => (await owner.get(`${base()}/recurring-invoices/${id}`).expect(200)).body.nextDate;
    expect(await next(weekly)).toBe(addDays(today, -3));
    expect((await runs(weekly))[0]).toMatchObject({ date: addDays(today, -10), status: 'draft' });

    await scan();
    await eventually(async () => (await runs(weekly)).length === 2);
    expect(await next(weekly)).toBe(addDays(today, 4));
    await scan();
    await scan();
    // Give any (wrongly) enqueued job time to run before asserting nothing more happened.
    await new Promise((r) => setTimeout(r, 500));
    expect(await runs(weekly)).toHaveLength(2);
    expect(await runs(future)).toHaveLength(0);
    expect(await runs(paused)).toHaveLength(0);
    expect(await runs(ending)).toHaveLength(1);
    expect(await runs(counted)).toHaveLength(1);
    expect(await next(ending)).toBeNull();
    expect(await next(counted)).toBeNull();
  });

  it('pauses a template whose customer can no longer be invoiced, with the reason', async () => {
    const other = (await owner.post(`${base()}/contacts`, { kind: 'customer', name: 'Leaving Client' }).expect(201)).body.id;
    const t = (await owner.post(`${base()}/recurring-invoices`, { contactId: other, frequency: 'yearly', startDate: '2026-02-01', lines }).expect(201)).body;
    await sql(`UPDATE contacts SET archived_at = now() WHERE id = $1`, [other]);
    await generate(t.id, '2026-02-01');
    const after = (await owner.get(`${base()}/recurring-invoices/${t.id}`).expect(200)).body;
    expect(after.active).toBe(false);
    expect(after.lastError).toMatch(/archived/);
    expect(await runs(t.id)).toHaveLength(0);
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
        return found.length === 3 && found;
      });
      expect(schedulers.map((s) => [s.key, s.name, s.every]).sort()).toEqual([
        ['scan:recurring.scan', 'recurring.scan', 120000],
        ['scan:reminders.scan', 'reminders.scan', 120000],
        ['scan:stock.reorder-scan', 'stock.reorder-scan', 120000],
      ]);
    } finally {
      await Promise.all(starts.map((w) => w.close()));
    }
  });
});
