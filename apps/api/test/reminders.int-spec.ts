import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { WorkerModule } from '../src/app/worker.module';
import { loadConfig } from '../src/config/config';
import { JobRunner } from '../src/jobs/job-runner';
import { addMember, Api, privateDatabase, Session, signUp, sqlAs, startApi } from './harness';
import { PrivateRedis } from './redis-server';
import { testEnv } from './test-env';
import { addDays } from '../src/common/dates';

describe('payment reminders', () => {
  let redis: PrivateRedis;
  let api: Api;
  let worker: INestApplicationContext;
  let runner: JobRunner;
  let owner: Session;
  let databaseName: string;
  const mailDir = `/tmp/keeper-reminders-test-${process.pid}`;

  const sql = async (text: string, params: unknown[] = []) => {
    const db = await sqlAs('postgres', databaseName);
    try {
      return (await db.query(text, params)).rows;
    } finally {
      await db.end();
    }
  };
  const mailsTo = (email: string) => {
    if (!existsSync(mailDir)) return [];
    return readdirSync(mailDir)
      .filter((f) => f.endsWith('.eml')).map((f) => readFileSync(join(mailDir, f), 'utf8')).filter((m) => m.includes(`To: ${email}`));
  };
  // Session has no put(); send the CSRF header the same way it does.
  const put = (s: Session, path: string, body: object) => s.agent.put(path).set('X-CSRF-Token', s.csrf).send(body);
  const scan = () => runner.process({ id: 'scan', name: 'reminders.scan', data: { payload: {}, outbox: null }, attemptsMade: 0 });
  const todayIn = async (tz: string) => (await sql(`SELECT (now() AT TIME ZONE $1)::date::text AS d`, [tz]))[0].d as string;

  async function business(name: string, timezone: string, offsets: number[]) {
    const id = (await owner.post('/api/businesses', { name, baseCurrency: 'USD', timezone }).expect(201)).body.id as string;
    const settings = await owner.get(`/api/businesses/${id}/reminder-settings`).expect(200);
    expect(settings.body.enabled).toBe(false);
    await put(owner, `/api/businesses/${id}/reminder-settings`, { ...settings.body, enabled: true, offsets }).expect(200);
    return id;
  }
  async function customer(businessId: string, name: string, email?: string) {
    return (await owner.post(`/api/businesses/${businessId}/contacts`, { kind: 'customer', name, email }).expect(201)).body.id as string;
  }
  async function issued(businessId: string, contactId: string, dueDate: string) {
    const d = await owner
      .post(`/api/businesses/${businessId}/invoices`, {
        contactId,
        issueDate: addDays(dueDate, -30),
        dueDate,
        lines: [{ description: 'Consulting', quantity: '2', unitPrice: '100.00' }],
      })
      .expect(201);
    const inv = await owner.post(`/api/businesses/${businessId}/invoices/${d.body.id}/issue`, {}).expect(200);
    return inv.body as { id: string; number: string };
  }

  beforeAll(async () => {
    rmSync(mailDir, { recursive: true, force: true });
    const { DATABASE_NAME, ...urls } = await privateDatabase('reminders');
    databaseName = DATABASE_NAME;
    redis = await PrivateRedis.create();
    await redis.start();
    api = await startApi({ ...urls, REDIS_URL: redis.url, MAIL_DIR: mailDir });
    const config = loadConfig(testEnv({ ...urls, REDIS_URL: redis.url, MAIL_DIR: mailDir }));
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, { relay: false, scheduler: false }), { logger: false });
    await worker.init();
    runner = worker.get(JobRunner);
    owner = await signUp(api);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await redis?.stop();
  });

  it('limits the settings to owners and admins and validates them', async () => {
    const id = (await owner.post('/api/businesses', { name: 'Settings Co', baseCurrency: 'USD' }).expect(201)).body.id;
    const staff = await addMember(api, owner, id, 'staff');
    await staff.get(`/api/businesses/${id}/reminder-settings`).expect(403);
    const bad = await put(owner, `/api/businesses/${id}/reminder-settings`, { enabled: true, offsets: [1.5], subjectEn: '', bodyEn: 'b', subjectZh: 's', bodyZh: 'b' })
      .expect(400);
    expect(bad.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['offsets', 'subjectEn']);
    const saved = await put(owner, `/api/businesses/${id}/reminder-settings`, { enabled: true, offsets: [7, -3, 7], subjectEn: 's', bodyEn: 'b', subjectZh: '主题', bodyZh: '正文' })
      .expect(200);
    expect(saved.body).toMatchObject({ enabled: true, offsets: [-3, 7], subjectZh: '主题' });
  });

  it('sends one email per invoice and offset, even when the scan runs twice and concurrently', async () => {
    const businessId = await business('Reminders Co', 'UTC', [-3, 1, 7]);
    const today = await todayIn('UTC');
    const withEmail = await customer(businessId, 'Paying Customer', 'payer@example.test');
    const lateEmail = await customer(businessId, 'Late Customer', 'late@example.test');
    const paidEmail = await customer(businessId, 'Paid Customer', 'paid@example.test');
    const noEmail = await customer(businessId, 'No Email Customer');

    const soon = await issued(businessId, withEmail, addDays(today, 3)); // offset -3 due today
    const late = await issued(businessId, lateEmail, addDays(today, -7)); // offset 7 due today
    const paid = await issued(businessId, paidEmail, addDays(today, -1)); // offset 1, but paid
    await issued(businessId, noEmail, addDays(today, -1)); // offset 1, but nowhere to send
    await issued(businessId, lateEmail, addDays(today, -2)); // no offset due today
    await sql(`UPDATE invoices SET status = 'paid', paid_minor = total_minor WHERE id = $1`, [paid.id]);

    await Promise.all([scan(), scan(), scan()]);
    await scan();

    const soonMails = mailsTo('payer@example.test');
    expect(soonMails).toHaveLength(1);
    expect(soonMails[0]).toContain(soon.number);
    expect(soonMails[0]).toMatch(/\/i\/[A-Za-z0-9_-]{20,}/);
    expect(mailsTo('late@example.test')).toHaveLength(1);
    expect(mailsTo('late@example.test')[0]).toContain(late.number);
    expect(mailsTo('paid@example.test')).toHaveLength(0);

    const sent = await sql(`SELECT invoice_id, offset_days FROM reminders_sent WHERE business_id = $1 ORDER BY offset_days`, [businessId]);
    expect(sent).toEqual([
      { invoice_id: soon.id, offset_days: -3 },
      { invoice_id: late.id, offset_days: 7 },
    ]);
    const history = await owner.get(`/api/businesses/${businessId}/invoices/${soon.id}/reminders`).expect(200);
    expect(history.body.items).toEqual([expect.objectContaining({ offsetDays: -3, toEmail: 'payer@example.test', dueDate: addDays(today, 3) })]);
  });

  it("judges 'today' in each business's timezone", async () => {
    // Kiritimati (UTC+14) is always one or two calendar days ahead of Pago Pago (UTC-11).
    const ahead = await business('Kiritimati Co', 'Pacific/Kiritimati', [0]);
    const behind = await business('Pago Pago Co', 'Pacific/Pago_Pago', [0]);
    const dueDate = await todayIn('Pacific/Kiritimati');
    const a = await issued(ahead, await customer(ahead, 'Ahead Customer', 'ahead@example.test'), dueDate);
    const b = await issued(behind, await customer(behind, 'Behind Customer', 'behind@example.test'), dueDate);
    await scan();
    expect(mailsTo('ahead@example.test')).toHaveLength(1);
    expect(mailsTo('behind@example.test')).toHaveLength(0);
    expect((await owner.get(`/api/businesses/${ahead}/invoices/${a.id}/reminders`).expect(200)).body.items).toHaveLength(1);
    expect((await owner.get(`/api/businesses/${behind}/invoices/${b.id}/reminders`).expect(200)).body.items).toHaveLength(0);
  });
});
