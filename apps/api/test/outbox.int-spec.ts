import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { WorkerModule } from '../src/app/worker.module';
import { loadConfig } from '../src/config/config';
import { JobRunner } from '../src/jobs/job-runner';
import { Api, createBusiness, privateDatabase, Session, signUp, sqlAs, startApi } from './harness';
import { PrivateRedis } from './redis-server';
import { testEnv } from './test-env';
import { eventually } from './eventually';

let databaseName: string;
const outboxRow = async (businessId: string) => {
  const db = await sqlAs('postgres', databaseName);
  const { rows } = await db.query(`SELECT id, status, dispatch_count, last_error FROM outbox WHERE business_id = $1`, [
    businessId,
  ]);
  await db.end();
  return rows;
};

describe('outbox and jobs', () => {
  let redis: PrivateRedis;
  let api: Api;
  let worker: INestApplicationContext | null = null;
  let owner: Session;
  let database: Record<string, string>;
  const mailDir = `/tmp/keeper-outbox-test-${process.pid}`;

  beforeAll(async () => {
    rmSync(mailDir, { recursive: true, force: true });
    const { DATABASE_NAME, ...urls } = await privateDatabase('outbox');
    database = urls;
    databaseName = DATABASE_NAME;
    redis = await PrivateRedis.create();
    await redis.start();
    api = await startApi({ ...database, REDIS_URL: redis.url, MAIL_DIR: mailDir });
    owner = await signUp(api);
  });
  afterAll(async () => {
    await worker?.close();
    await api.close();
    await redis.stop();
  });

  it('accepts a write while Redis is down and runs its job once Redis is back', async () => {
    const businessId = await createBusiness(owner, 'Outage Ltd');
    await redis.stop();
    const ready = await owner.get('/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.checks).toEqual({ postgres: 'up', redis: 'down' });

    const res = await owner
      .post(`/api/businesses/${businessId}/invitations`, { email: 'during-outage@example.test', role: 'staff' })
      .expect(201);
    expect((await outboxRow(businessId)).map((r) => r.status)).toEqual(['pending']);

    const config = loadConfig(testEnv({ ...database, REDIS_URL: redis.url, MAIL_DIR: mailDir, OUTBOX_POLL_MS: '100' }));
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
    await worker.init();
    // The relay tries, fails, and hands the row back (a durable trace: the release records the error;
    // the pending/dispatched status itself flips too fast to sample reliably).
    const [tried] = await eventually(async () => {
      const rows = await outboxRow(businessId);
      return rows[0].dispatch_count >= 1 && rows[0].last_error !== null && rows;
    });
    expect(['pending', 'dispatched']).toContain(tried.status);

    await redis.start();
    // Reconnection backs off up to 2 s and an abandoned add may still be timing out: allow for a loaded machine.
    const [row] = await eventually(async () => {
      const rows = await outboxRow(businessId);
      return rows[0].status === 'done' && rows;
    }, 40_000);
    expect(row.status).toBe('done');

    const files = readdirSync(mailDir).filter((f) => f.endsWith('.eml'));
    const mails = files.map((f) => readFileSync(join(mailDir, f), 'utf8')).filter((m) => m.includes('during-outage@example.test'));
    expect(mails).toHaveLength(1);
    expect(mails[0]).toContain(new URL(res.body.acceptUrl).pathname);
  });

  it('makes a job that runs twice produce its effect once', async () => {
    const businessId = await createBusiness(owner, 'Twice Ltd');
    const inv = await owner
      .post(`/api/businesses/${businessId}/invitations`, { email: 'twice@example.test', role: 'staff' })
      .expect(201);
    const runner = worker!.get(JobRunner);
    const [row] = await outboxRow(businessId);
    const job = {
      id: row.id,
      name: 'invitation.send-email',
      data: { payload: { businessId, invitationId: inv.body.invitation.id }, outbox: { businessId, id: row.id } },
      attemptsMade: 0,
    };
    await Promise.all([runner.process(job), runner.process(job), runner.process(job)]);
    await eventually(async () => (await outboxRow(businessId))[0].status === 'done');
    const mails = readdirSync(mailDir)
      .filter((f) => f.endsWith('.eml'))
      .map((f) => readFileSync(join(mailDir, f), 'utf8'))
      .filter((m) => m.includes('twice@example.test'));
    expect(mails).toHaveLength(1);
  });

  it('refuses a malformed payload without retrying', async () => {
    const runner = worker!.get(JobRunner);
    await expect(
      runner.process({ id: 'x', name: 'invitation.send-email', data: { payload: { businessId: 'nope' }, outbox: null }, attemptsMade: 0 }),
    ).rejects.toThrow(/Invalid payload for job invitation.send-email/);
    await expect(runner.process({ id: 'y', name: 'no.such.job', data: {}, attemptsMade: 0 })).rejects.toThrow(/No such job/);
  });
});
