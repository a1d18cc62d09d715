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
    await issued(businessId, lateEmail, addDays(today, -20)); // its last offset (7) is 13 days gone: stale
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
    expect(history.body.items).toEqual([
      expect.objectContaining({
        offsetDays: -3,
        toEmail: 'payer@example.test',
        dueDate: addDays(today, 3),
        invoice: { id: soon.id, number: soon.number },
        contact: { id: withEmail, name: 'Paying Customer' },
      }),
    ]);
    // Each reminder is in the audit log, by the system.
    const audit = await sql(
      `SELECT target_id AS "targetId", actor_kind AS "actorKind", details FROM audit_events WHERE business_id = $1 AND action = 'reminder.sent' ORDER BY target_id`,
      [businessId],
    );
    expect(audit).toHaveLength(2);
    expect(audit.find((e) => e.targetId === soon.id)).toEqual({
      targetId: soon.id,
      actorKind: 'system',
      details: { number: soon.number, offsetDays: -3, to: 'payer@example.test' },
    });
    const settingsAudit = await sql(`SELECT details FROM audit_events WHERE business_id = $1 AND action = 'reminder_settings.updated'`, [businessId]);
    expect(settingsAudit).toEqual([{ details: { enabled: true, offsets: [-3, 1, 7] } }]);
  });

  it('after missed days sends only the most recent reminder still relevant, once, and never for a paid or void invoice', async () => {
    const businessId = await business('Catch-up Co', 'UTC', [-3, 1, 7, 14]);
    const settings = (await owner.get(`/api/businesses/${businessId}/reminder-settings`).expect(200)).body;
    await put(owner, `/api/businesses/${businessId}/reminder-settings`, { ...settings, bodyEn: 'Invoice {number}: {days} days from due. {link}' }).expect(200);
    const today = await todayIn('UTC');
    const email = (tag: string) => `${tag}@catchup.example`;
    const contact = async (tag: string) => customer(businessId, `Customer ${tag}`, email(tag));
    const oneLate = await issued(businessId, await contact('one-late'), addDays(today, -3)); // 1-day reminder, 2 days late
    const superseded = await issued(businessId, await contact('superseded'), addDays(today, -9)); // 1 and 7 missed: only 7
    await issued(businessId, await contact('stale'), addDays(today, -30)); // 14 is 16 days gone
    const beforeDue = await issued(businessId, await contact('before-due'), addDays(today, 2)); // -3 missed yesterday, still before due
    const voided = await issued(businessId, await contact('voided'), addDays(today, -2));
    const paid = await issued(businessId, await contact('paid'), addDays(today, -2));
    await owner.post(`/api/businesses/${businessId}/invoices/${voided.id}/void`, { reason: 'Cancelled order' }).expect(200);
    await sql(`UPDATE invoices SET status = 'paid', paid_minor = total_minor WHERE id = $1`, [paid.id]);

    await Promise.all([scan(), scan()]);
    await scan();
    const sent = async () =>
      (await sql(`SELECT invoice_id AS "invoiceId", offset_days AS "offsetDays" FROM reminders_sent WHERE business_id = $1`, [businessId]))
        .map((r) => `${r.invoiceId}:${r.offsetDays}`)
        .sort();
    expect(await sent()).toEqual([`${oneLate.id}:1`, `${superseded.id}:7`, `${beforeDue.id}:-3`].sort());
    for (const tag of ['one-late', 'superseded', 'before-due']) expect(mailsTo(email(tag))).toHaveLength(1);
    for (const tag of ['stale', 'voided', 'paid']) expect(mailsTo(email(tag))).toHaveLength(0);
    // {days} counts from the day it went out, not from the missed offset's day.
    expect(mailsTo(email('one-late'))[0]).toContain(`Invoice ${oneLate.number}: 3 days from due.`);
    expect(mailsTo(email('before-due'))[0]).toContain(`Invoice ${beforeDue.number}: 2 days from due.`);

    // Days later (the due date moved back stands in for time passing): the next offset goes out, once.
    await sql(`UPDATE invoices SET due_date = due_date - 5 WHERE id = $1`, [oneLate.id]);
    await scan();
    await scan();
    expect((await sent()).filter((r) => r.startsWith(oneLate.id))).toEqual([`${oneLate.id}:1`, `${oneLate.id}:7`]);
    expect(mailsTo(email('one-late'))).toHaveLength(2);

    // Offsets changed to earlier ones: nothing older than what was already sent goes out.
    await put(owner, `/api/businesses/${businessId}/reminder-settings`, {
      ...(await owner.get(`/api/businesses/${businessId}/reminder-settings`).expect(200)).body,
      offsets: [1, 3],
    }).expect(200);
    await scan();
    expect((await sent()).filter((r) => r.startsWith(superseded.id))).toEqual([`${superseded.id}:7`]);
  });

  it('lists every reminder the business sent, newest first, filtered by invoice or customer, a page at a time', async () => {
    const businessId = await business('History Co', 'UTC', [0, 2]);
    const today = await todayIn('UTC');
    const alice = await customer(businessId, 'Alice Ltd', 'alice@history.example');
    const bob = await customer(businessId, 'Bob GmbH', 'bob@history.example');
    const a1 = await issued(businessId, alice, today);
    const a2 = await issued(businessId, alice, addDays(today, -2));
    const b1 = await issued(businessId, bob, today);
    await scan();
    const list = (query = '') => owner.get(`/api/businesses/${businessId}/reminders${query}`).expect(200);
    const all = await list();
    expect(all.body.items).toHaveLength(3);
    expect(all.body.nextCursor).toBeNull();
    const times = all.body.items.map((r: { sentAt: string }) => Date.parse(r.sentAt));
    expect(times).toEqual([...times].sort((x, y) => y - x));
    expect(all.body.items.map((r: { invoice: { id: string } }) => r.invoice.id).sort()).toEqual([a1.id, a2.id, b1.id].sort());

    const forAlice = await list(`?contactId=${alice}`);
    expect(forAlice.body.items.map((r: { contact: { name: string } }) => r.contact.name)).toEqual(['Alice Ltd', 'Alice Ltd']);
    const forA2 = await list(`?invoiceId=${a2.id}`);
    expect(forA2.body.items).toEqual([
      expect.objectContaining({ offsetDays: 2, toEmail: 'alice@history.example', invoice: { id: a2.id, number: a2.number } }),
    ]);

    const first = await list('?limit=2');
    expect(first.body.items).toHaveLength(2);
    const second = await list(`?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body).toMatchObject({ nextCursor: null, items: [expect.anything()] });
    expect([...first.body.items, ...second.body.items].map((r: { id: string }) => r.id)).toEqual(all.body.items.map((r: { id: string }) => r.id));

    await owner.get(`/api/businesses/${businessId}/reminders?invoiceId=nope`).expect(400);
    // Anyone who can read invoices can read what was sent; only owners and admins change the settings.
    const staff = await addMember(api, owner, businessId, 'staff');
    expect((await staff.get(`/api/businesses/${businessId}/reminders`).expect(200)).body.items).toHaveLength(3);
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
