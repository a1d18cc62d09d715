import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { Job, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { WorkerModule } from '../src/app/worker.module';
import { loadConfig } from '../src/config/config';
import { JobQueues } from '../src/jobs/job-queues';
import { redisConnection } from '../src/jobs/redis';
import { eventually } from './eventually';
import { Api, createBusiness, PASSWORD, privateDatabase, Session, signUp, sqlRows, startApi } from './harness';
import { PrivateRedis } from './redis-server';
import { testEnv } from './test-env';

/**
 * The whole pipeline as it runs in production: a change of the books writes the outbox row, the
 * relay hands it to BullMQ with its debounce delay, the worker recomputes, and a lender reads the
 * profile under consent. The test awaits the recompute jobs themselves (BullMQ queue events).
 * Its own database (the relay drains every tenant) and its own redis-server (it is flushed).
 */
describe('credit pipeline through the outbox and the queue', () => {
  let databaseName: string;
  let redis: PrivateRedis;
  let api: Api;
  let worker: INestApplicationContext;
  let events: QueueEvents;
  let owner: Session;
  let businessId: string;
  let customer: string;
  let harbour: { id: string; user: Session };
  const prefix = `keeper-credit-${randomUUID().slice(0, 8)}`;
  const base = () => `/api/businesses/${businessId}`;

  const sql = (text: string, params: unknown[] = []) => sqlRows(text, params, databaseName);
  const openRows = () =>
    sql(`SELECT id, status FROM outbox WHERE business_id = $1 AND job = 'credit.recompute' AND status <> 'done' ORDER BY created_at`, [businessId]);

  /** Waits for every queued recompute of the business to finish (including one it queues itself again). */
  async function recomputed(): Promise<void> {
    const queue = worker.get(JobQueues).queue('credit');
    for (let round = 0; round < 5; round++) {
      const rows = await openRows();
      if (rows.length === 0) return;
      for (const row of rows) {
        // The relay hands the row over within a moment (NOTIFY); the job then waits out its debounce.
        const job = await eventually(() => Job.fromId(queue, row.id), 30_000);
        await job.waitUntilFinished(events, 30_000);
      }
    }
    throw new Error('the recompute kept queueing itself');
  }

  const lender = async (name: string) => {
    const user = await signUp(api, `${name} analyst`);
    const [org] = await sql(`INSERT INTO lender_organisations (name, country) VALUES ($1, 'HK') RETURNING id`, [`${name} ${prefix}`]);
    await sql(`INSERT INTO lender_members (lender_id, user_id, role) VALUES ($1, $2, 'analyst')`, [org.id, user.user.id]);
    return { id: org.id as string, user };
  };
  const grant = async (lenderId: string, scopes: string[]) => {
    await owner.post('/api/auth/confirm-password', { password: PASSWORD }).expect(204);
    return (
      await owner.post(`${base()}/consent/grants`, { recipient: 'lender', lenderId, purpose: 'working_capital', scopes, lookbackMonths: 12 }).expect(201)
    ).body.id as string;
  };
  const read = (who: { user: Session }) => who.user.get(`/api/lender/businesses/${businessId}/profile`);
  const sale = async (unitPrice: string) => {
    const d = await owner.post(`${base()}/invoices`, { contactId: customer, lines: [{ description: 'Tea', quantity: '1', unitPrice }] }).expect(201);
    await owner.post(`${base()}/invoices/${d.body.id}/issue`, {}).expect(200);
  };
  const ownerProfile = async () => (await owner.get(`${base()}/credit-profile`).expect(200)).body.profile;
  const accessLog = () =>
    sql(
      `SELECT lender_id AS "lenderId", scope, resource, outcome, refusal_reason AS "refusalReason" FROM consent_access_log
        WHERE business_id = $1 AND resource LIKE '%/profile' ORDER BY at, id`,
      [businessId],
    );

  beforeAll(async () => {
    const { DATABASE_NAME, ...urls } = await privateDatabase('credit');
    databaseName = DATABASE_NAME;
    redis = await PrivateRedis.create();
    await redis.start();
    const env = { ...urls, REDIS_URL: redis.url, QUEUE_PREFIX: prefix, OUTBOX_POLL_MS: '100', OUTBOX_REDISPATCH_AFTER_SECONDS: '5' };
    api = await startApi(env);
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(loadConfig(testEnv(env)), { scheduler: false }), { logger: false });
    await worker.init();
    events = new QueueEvents('credit', { connection: redisConnection(redis.url, 'worker'), prefix });
    await events.waitUntilReady();
    owner = await signUp(api, 'Pipeline Owner');
    businessId = await createBusiness(owner, 'Pipeline Tea Co');
    customer = (await owner.post(`${base()}/contacts`, { kind: 'customer', name: 'Harbour Hotel' }).expect(201)).body.id;
  });
  afterAll(async () => {
    await events?.close();
    await worker?.close();
    await api?.close();
    await redis?.stop();
  });

  it('computes on a grant, recomputes after the books change, and serves the lender the latest profile', async () => {
    harbour = await lender('Harbour Pipeline Capital');
    await grant(harbour.id, ['profile']);
    await recomputed();
    const first = await ownerProfile();
    expect(first).toMatchObject({ trigger: 'consent_granted', dataFreshness: { dataThrough: null } });

    const seen = (await read(harbour).expect(200)).body;
    expect(seen).toMatchObject({
      id: first.id,
      business: { id: businessId, name: 'Pipeline Tea Co' },
      score: first.score,
      grade: first.grade,
      pd: first.pd,
      modelVersion: 'keeper-pd-2026.11.1',
      dataFreshness: { dataThrough: null },
    });
    expect(Object.keys(seen).sort()).toEqual(['asOf', 'business', 'computationMs', 'computedAt', 'dataFreshness', 'grade', 'grantId', 'id', 'modelVersion', 'pd', 'reasons', 'score', 'trigger']);

    await sale('250.00');
    const [{ today }] = await sql(`SELECT (now() AT TIME ZONE timezone)::date::text AS today FROM businesses WHERE id = $1`, [businessId]);
    await recomputed();
    const second = await ownerProfile();
    expect(second.id).not.toBe(first.id);
    expect(second).toMatchObject({ trigger: 'books_changed', dataFreshness: { dataThrough: today }, features: { sales12mMinor: '25000' } });
    expect((await read(harbour).expect(200)).body).toMatchObject({ id: second.id, score: second.score, dataFreshness: { dataThrough: today } });
    expect((await accessLog()).map((r) => [r.outcome, r.scope])).toEqual([
      ['allowed', 'profile'],
      ['allowed', 'profile'],
    ]);
  });

  it('coalesces a burst of invoices into about one recompute', async () => {
    const before = (await sql(`SELECT count(*)::int AS n FROM credit_profiles WHERE business_id = $1`, [businessId]))[0].n;
    await Promise.all(Array.from({ length: 25 }, () => sale('10.00')));
    await recomputed();
    const after = (await sql(`SELECT count(*)::int AS n FROM credit_profiles WHERE business_id = $1`, [businessId]))[0].n;
    // The 25 invoices take well under the 2-second debounce on any machine that runs this suite;
    // on a very slow one the burst may straddle one recompute, never more.
    expect(after - before).toBeGreaterThanOrEqual(1);
    expect(after - before).toBeLessThanOrEqual(2);
    expect((await ownerProfile()).features.sales12mMinor).toBe('50000');
  });

  it('loses no recompute when Redis is flushed after the hand-over', async () => {
    await sale('100.00');
    const [row] = await openRows();
    const queue = worker.get(JobQueues).queue('credit');
    // Handed to BullMQ, waiting out its debounce: then Redis forgets everything.
    await eventually(async () => (await Job.fromId(queue, row.id)) !== undefined && (await openRows())[0]?.status === 'dispatched');
    const client = new Redis(redis.url);
    await client.flushall();
    client.disconnect();
    // The outbox row is still open: the relay dispatches it again, and the recompute runs.
    await recomputed();
    expect((await sql(`SELECT status, dispatch_count FROM outbox WHERE id = $1`, [row.id]))[0]).toMatchObject({ status: 'done' });
    expect((await sql(`SELECT dispatch_count FROM outbox WHERE id = $1`, [row.id]))[0].dispatch_count).toBeGreaterThanOrEqual(2);
    expect((await ownerProfile()).features.sales12mMinor).toBe('60000');
  });

  it('refuses and logs a lender read after revocation, after expiry, and outside the granted scope', async () => {
    const [live] = await sql(`SELECT id FROM consent_grants WHERE business_id = $1 AND lender_id = $2 AND revoked_at IS NULL`, [businessId, harbour.id]);
    await owner.post(`${base()}/consent/grants/${live.id}/revoke`, { reason: 'Chose another lender' }).expect(200);
    // The very next read is refused.
    const revoked = await read(harbour).expect(403);
    expect(revoked.body.error.code).toBe('CONSENT_REFUSED');

    const jade = await lender('Jade Pipeline Finance');
    const jadeGrant = await grant(jade.id, ['profile']);
    await read(jade).expect(200);
    await sql(`UPDATE consent_grants SET granted_at = now() - interval '100 days', expires_at = now() - interval '1 second' WHERE id = $1`, [jadeGrant]);
    const expired = await read(jade).expect(403);
    expect(expired.body.error.code).toBe('CONSENT_REFUSED');

    const cedar = await lender('Cedar Pipeline Bank');
    await grant(cedar.id, ['statements']);
    await read(cedar).expect(403);
    const stranger = await lender('Stranger Pipeline Fund');
    await read(stranger).expect(403);
    // A business that does not exist answers the same, so ids cannot be probed.
    const nowhere = await stranger.user.get(`/api/lender/businesses/${randomUUID()}/profile`).expect(403);
    expect(nowhere.body.error.code).toBe('CONSENT_REFUSED');

    const log = await accessLog();
    const resource = 'GET /api/lender/businesses/:businessId/profile';
    const of = (l: { id: string }) => log.filter((r) => r.lenderId === l.id).map(({ lenderId: _l, ...rest }) => rest);
    expect(of(harbour)).toEqual([
      { scope: 'profile', resource, outcome: 'allowed', refusalReason: null },
      { scope: 'profile', resource, outcome: 'allowed', refusalReason: null },
      { scope: 'profile', resource, outcome: 'refused', refusalReason: 'revoked' },
    ]);
    expect(of(jade)).toEqual([
      { scope: 'profile', resource, outcome: 'allowed', refusalReason: null },
      { scope: 'profile', resource, outcome: 'refused', refusalReason: 'expired' },
    ]);
    expect(of(cedar)).toEqual([{ scope: 'profile', resource, outcome: 'refused', refusalReason: 'scope_not_granted' }]);
    expect(of(stranger)).toEqual([{ scope: 'profile', resource, outcome: 'refused', refusalReason: 'no_grant' }]);
  });
});
