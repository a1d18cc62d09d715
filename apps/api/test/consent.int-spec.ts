import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { WorkerModule } from '../src/app/worker.module';
import { loadConfig } from '../src/config/config';
import { Db } from '../src/db/db';
import { JobRunner } from '../src/jobs/job-runner';
import { ConsentRefusedError, ConsentService } from '../src/modules/consent/consent.service';
import { addMember, Api, createBusiness, PASSWORD, Session, signUp, sqlAs, startApi } from './harness';
import { testEnv } from './test-env';

type Grant = { id: string; status: string; scopes: string[]; lookbackMonths: number; expiresOn: string; version: number; history: { kind: string; version: number; scopes: string[] }[] };

describe('consent', () => {
  let api: Api;
  let worker: INestApplicationContext;
  let runner: JobRunner;
  let owner: Session;
  let admin: Session;
  let staff: Session;
  let harbour: { id: string; name: string; user: Session };
  let jade: { id: string; name: string; user: Session };
  const mailDir = `/tmp/keeper-consent-test-${process.pid}`;
  const tag = randomUUID().slice(0, 8);

  const sql = async (text: string, params: unknown[] = []) => {
    const db = await sqlAs('postgres');
    try {
      return (await db.query(text, params)).rows;
    } finally {
      await db.end();
    }
  };

  /** A lender organisation with one signed-in member (lender organisations are set up by Keeper, not by an API). */
  const lender = async (name: string) => {
    const user = await signUp(api, `${name} analyst`);
    const [org] = await sql(
      `INSERT INTO lender_organisations (name, country, description, description_zh) VALUES ($1, 'HK', $2, $3) RETURNING id`,
      [name, `${name} lends to small businesses.`, `${name} 为小企业提供贷款。`],
    );
    await sql(`INSERT INTO lender_members (lender_id, user_id, role) VALUES ($1, $2, 'analyst')`, [org.id, user.user.id]);
    return { id: org.id as string, name, user };
  };

  const confirm = (s: Session) => s.post('/api/auth/confirm-password', { password: PASSWORD }).expect(204);
  const base = (businessId: string) => `/api/businesses/${businessId}/consent`;
  const grantTo = async (businessId: string, lenderId: string, body: object = {}) =>
    (
      await owner
        .post(`${base(businessId)}/grants`, {
          recipient: 'lender',
          lenderId,
          purpose: 'working_capital',
          scopes: ['profile', 'statements'],
          lookbackMonths: 12,
          ...body,
        })
        .expect(201)
    ).body as Grant;
  const lenderSees = async (who: { user: Session }) =>
    ((await who.user.get('/api/lender/businesses').expect(200)).body.items as { business: { id: string } }[]).map((i) => i.business.id);
  const accessRows = (businessId: string) =>
    sql(
      `SELECT grant_id AS "grantId", lender_id AS "lenderId", scope, resource, outcome, refusal_reason AS "refusalReason"
         FROM consent_access_log WHERE business_id = $1 ORDER BY at, id`,
      [businessId],
    );
  const auditOf = (grantId: string) =>
    sql(`SELECT action, actor_kind AS "actorKind", details FROM audit_events WHERE target_id = $1 ORDER BY created_at, id`, [grantId]);
  const outboxOf = (grantId: string) =>
    sql(`SELECT id, status, payload FROM outbox WHERE job = 'consent.changed' AND payload->>'grantId' = $1 ORDER BY created_at, id`, [grantId]);
  const expireNow = (grantId: string) =>
    sql(`UPDATE consent_grants SET granted_at = now() - interval '100 days', expires_at = now() - interval '1 second' WHERE id = $1`, [grantId]);
  const scan = () => runner.process({ id: `scan-${randomUUID()}`, name: 'consent.expiry-scan', data: { payload: {}, outbox: null }, attemptsMade: 0 });
  const mailsTo = (email: string) =>
    existsSync(mailDir)
      ? readdirSync(mailDir)
          .map((f) => readFileSync(join(mailDir, f), 'utf8'))
          .filter((m) => m.includes(`To: ${email}`))
      : [];

  let businessId: string;

  beforeAll(async () => {
    rmSync(mailDir, { recursive: true, force: true });
    api = await startApi({ MAIL_DIR: mailDir });
    const config = loadConfig(testEnv({ MAIL_DIR: mailDir }));
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, { relay: false, scheduler: false }), { logger: false });
    await worker.init();
    runner = worker.get(JobRunner);
    owner = await signUp(api, 'Consent Owner');
    businessId = await createBusiness(owner, 'Consent Tea Co');
    admin = await addMember(api, owner, businessId, 'admin');
    staff = await addMember(api, owner, businessId, 'staff');
    harbour = await lender(`Harbour Test Capital ${tag}`);
    jade = await lender(`Jade Test Finance ${tag}`);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('lists whom to share with: Keeper pre-qualification first, then lenders with their description', async () => {
    const res = await owner.get(`${base(businessId)}/recipients`).expect(200);
    expect(res.body.items[0]).toEqual({ kind: 'keeper_prequalification', lender: null, liveGrantId: null });
    expect(res.body.items).toContainEqual({
      kind: 'lender',
      lender: { id: harbour.id, name: harbour.name, country: 'HK', description: `${harbour.name} lends to small businesses.`, descriptionZh: `${harbour.name} 为小企业提供贷款。` },
      liveGrantId: null,
    });
    const searched = await owner.get(`${base(businessId)}/recipients?q=${encodeURIComponent(`jade test finance ${tag}`)}`).expect(200);
    expect(searched.body.items.map((i: { lender: { id: string } }) => i.lender.id)).toEqual([jade.id]);
  });

  it('lets owners manage consent, admins only read it, and staff neither', async () => {
    await admin.get(`${base(businessId)}/grants`).expect(200);
    await admin.get(`${base(businessId)}/access-log`).expect(200);
    await confirm(admin);
    const refused = await admin.post(`${base(businessId)}/grants`, { recipient: 'lender', lenderId: harbour.id, purpose: 'working_capital', scopes: ['profile'], lookbackMonths: 12 });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('FORBIDDEN');
    for (const path of ['grants', 'access-log', 'recipients']) await staff.get(`${base(businessId)}/${path}`).expect(403);
  });

  it('needs the password re-entered to grant, counts a wrong one, and names each invalid field', async () => {
    const fresh = await signUp(api, 'Fresh Owner');
    const b = await createBusiness(fresh, 'Fresh Co');
    const body = { recipient: 'lender', lenderId: harbour.id, purpose: 'working_capital', scopes: ['profile'], lookbackMonths: 12 };
    const noPassword = await fresh.post(`${base(b)}/grants`, body).expect(403);
    expect(noPassword.body.error.code).toBe('PASSWORD_CONFIRMATION_REQUIRED');

    const wrong = await fresh.post('/api/auth/confirm-password', { password: 'not the password at all' }).expect(400);
    expect(wrong.body.error.fields).toEqual([{ field: 'password', code: 'wrong_password', message: 'is not your current password' }]);
    const events = await sql(`SELECT kind FROM security_events WHERE user_id = $1 ORDER BY id`, [fresh.user.id]);
    expect(events.map((e) => e.kind)).toEqual(['sign_up', 'password_confirm_failed']);
    await fresh.post(`${base(b)}/grants`, body).expect(403);

    await confirm(fresh);
    const invalid = await fresh
      .post(`${base(b)}/grants`, { recipient: 'lender', lenderId: harbour.id, purpose: 'other', scopes: ['profile', 'everything'], lookbackMonths: 0 })
      .expect(400);
    expect(invalid.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['lookbackMonths', 'scopes']);
    const noNote = await fresh.post(`${base(b)}/grants`, { ...body, purpose: 'other', expiresOn: '2099-01-01' }).expect(400);
    expect(noNote.body.error.fields.map((f: { field: string; code: string }) => `${f.field}:${f.code}`).sort()).toEqual([
      'expiresOn:too_large',
      'purposeNote:required',
    ]);
    const keeper = await fresh.post(`${base(b)}/grants`, { ...body, recipient: 'keeper_prequalification' }).expect(400);
    expect(keeper.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['lenderId', 'purpose']);
    const unknown = await fresh.post(`${base(b)}/grants`, { ...body, lenderId: randomUUID() }).expect(400);
    expect(unknown.body.error.fields).toEqual([expect.objectContaining({ field: 'lenderId', code: 'not_found' })]);
    await fresh.post(`${base(b)}/grants`, body).expect(201);
  });

  it('locks confirmations and sign-in for the account after repeated wrong passwords', async () => {
    const target = await signUp(api, 'Guessed Owner');
    for (let i = 0; i < 5; i++) await target.post('/api/auth/confirm-password', { password: `guess number ${i} wrong` }).expect(400);
    const locked = await target.post('/api/auth/confirm-password', { password: PASSWORD }).expect(429);
    expect(locked.headers['retry-after']).toBeDefined();
    const signIn = await request(api.app.getHttpServer()).post('/api/auth/sign-in').send({ email: target.user.email, password: PASSWORD });
    expect(signIn.status).toBe(429);
  });

  it('grants, renews, narrows and revokes, keeping every version, auditing each change and queueing its notice', async () => {
    await confirm(owner);
    const g = await grantTo(businessId, harbour.id);
    expect(g).toMatchObject({ status: 'active', scopes: ['profile', 'statements'], lookbackMonths: 12, version: 1, history: [{ kind: 'granted', version: 1 }] });
    const [{ today }] = await sql(`SELECT (now() AT TIME ZONE 'UTC')::date::text AS today`);
    const day = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    expect(g.expiresOn).toBe(day(90));
    expect((await owner.get(`${base(businessId)}/recipients`).expect(200)).body.items).toContainEqual(
      expect.objectContaining({ kind: 'lender', liveGrantId: g.id }),
    );

    // Renewing must move the last day later, and not past a year from today.
    const earlier = await owner.post(`${base(businessId)}/grants/${g.id}/renew`, { expiresOn: day(30) }).expect(400);
    expect(earlier.body.error.fields).toEqual([expect.objectContaining({ field: 'expiresOn', code: 'not_later' })]);
    await owner.post(`${base(businessId)}/grants/${g.id}/renew`, { expiresOn: day(366) }).expect(400);
    // By default 90 more days, but never past a year from today.
    const renewed = (await owner.post(`${base(businessId)}/grants/${g.id}/renew`, {}).expect(200)).body;
    expect(renewed).toMatchObject({ expiresOn: day(180), renewalCount: 1, version: 2 });
    await owner.post(`${base(businessId)}/grants/${g.id}/renew`, { expiresOn: day(300) }).expect(200);
    const capped = (await owner.post(`${base(businessId)}/grants/${g.id}/renew`, {}).expect(200)).body;
    expect(capped).toMatchObject({ expiresOn: day(365), renewalCount: 3, version: 4 });
    const beyond = await owner.post(`${base(businessId)}/grants/${g.id}/renew`, {}).expect(400);
    expect(beyond.body.error.fields).toEqual([expect.objectContaining({ field: 'expiresOn', code: 'not_later' })]);

    // Narrowing only removes; adding is a new consent act.
    const widen = await owner.post(`${base(businessId)}/grants/${g.id}/narrow`, { scopes: ['profile', 'raw_documents'] }).expect(400);
    expect(widen.body.error.fields).toEqual([expect.objectContaining({ field: 'scopes', code: 'widening' })]);
    const longer = await owner.post(`${base(businessId)}/grants/${g.id}/narrow`, { lookbackMonths: 24 }).expect(400);
    expect(longer.body.error.fields).toEqual([expect.objectContaining({ field: 'lookbackMonths', code: 'widening' })]);
    await owner.post(`${base(businessId)}/grants/${g.id}/narrow`, { scopes: ['statements', 'profile'] }).expect(400);
    const narrowed = (await owner.post(`${base(businessId)}/grants/${g.id}/narrow`, { scopes: ['profile'], lookbackMonths: 6 }).expect(200)).body;
    expect(narrowed).toMatchObject({ scopes: ['profile'], lookbackMonths: 6, version: 5 });

    const revoked = (await owner.post(`${base(businessId)}/grants/${g.id}/revoke`, { reason: 'Chose another lender' }).expect(200)).body;
    expect(revoked).toMatchObject({ status: 'revoked', revokeReason: 'Chose another lender', revokedBy: { id: owner.user.id }, version: 6 });
    expect(revoked.history.map((e: { kind: string; version: number; scopes: string[]; expiresOn: string }) => [e.kind, e.version, e.scopes.join('+'), e.expiresOn])).toEqual([
      ['granted', 1, 'profile+statements', day(90)],
      ['renewed', 2, 'profile+statements', day(180)],
      ['renewed', 3, 'profile+statements', day(300)],
      ['renewed', 4, 'profile+statements', day(365)],
      ['narrowed', 5, 'profile', day(365)],
      ['revoked', 6, 'profile', day(365)],
    ]);
    for (const change of ['revoke', 'renew', 'narrow']) {
      const res = await owner.post(`${base(businessId)}/grants/${g.id}/${change}`, change === 'narrow' ? { lookbackMonths: 3 } : {}).expect(409);
      expect(res.body.error.code).toBe('CONSENT_ENDED');
    }

    const audit = await auditOf(g.id);
    expect(audit.map((e) => e.action)).toEqual([
      'consent.granted',
      'consent.renewed',
      'consent.renewed',
      'consent.renewed',
      'consent.narrowed',
      'consent.revoked',
    ]);
    expect(audit.every((e) => e.actorKind === 'user')).toBe(true);
    expect(audit[0].details).toMatchObject({ recipient: harbour.name, scopes: ['profile', 'statements'], expiresOn: day(90), version: 1 });
    expect(audit[5].details).toMatchObject({ reason: 'Chose another lender', version: 6 });
    const outbox = await outboxOf(g.id);
    expect(outbox).toHaveLength(6);
    expect(Object.keys(outbox[0].payload).sort()).toEqual(['businessId', 'eventId', 'grantId']);

    // The history is immutable, for the runtime role and the schema owner alike.
    const app = await sqlAs('postgres');
    await expect(app.query(`UPDATE consent_grant_events SET kind = 'granted' WHERE grant_id = $1`, [g.id])).rejects.toThrow(/append-only/);
    await expect(app.query(`DELETE FROM consent_grant_events WHERE grant_id = $1`, [g.id])).rejects.toThrow(/append-only/);
    await expect(app.query(`TRUNCATE consent_access_log`)).rejects.toThrow(/append-only/);
    await app.end();
  });

  it('tells the owners about each change once, even when the job is delivered twice, and marks its outbox row done', async () => {
    const b = await createBusiness(owner, 'Notice Co');
    await confirm(owner);
    const g = await grantTo(b, jade.id, { purpose: 'invoice_financing', scopes: ['aggregates', 'raw_documents'] });
    const [row] = await outboxOf(g.id);
    const delivery = { id: row.id, name: 'consent.changed', data: { payload: row.payload, outbox: { businessId: b, id: row.id } }, attemptsMade: 0 };
    await Promise.all([runner.process(delivery), runner.process(delivery)]);
    await runner.process(delivery);
    const mails = mailsTo(owner.user.email).filter((m) => m.includes(jade.name));
    expect(mails).toHaveLength(1);
    expect(mails[0]).toContain('invoice financing');
    expect(mails[0]).toContain('individual invoices and payments');
    expect((await outboxOf(g.id))[0].status).toBe('done');
  });

  it('refuses a lender on the very next request after revocation, and logs both the read and the refusal against the grant', async () => {
    const b = await createBusiness(owner, 'Revocation Co');
    await confirm(owner);
    const g = await grantTo(b, harbour.id);
    const listed = (await harbour.user.get('/api/lender/businesses').expect(200)).body;
    expect(listed.organisation).toEqual({ id: harbour.id, name: harbour.name });
    expect(listed.items).toContainEqual({
      business: { id: b, name: 'Revocation Co' },
      grant: expect.objectContaining({ id: g.id, scopes: ['profile', 'statements'], purpose: 'working_capital', lookbackMonths: 12, expiresOn: g.expiresOn }),
    });

    await owner.post(`${base(b)}/grants/${g.id}/revoke`, {}).expect(200);
    expect(await lenderSees(harbour)).not.toContain(b);
    // The owner's log: one allowed read, then the refusal of the next one, both under the grant.
    expect(await accessRows(b)).toEqual([
      { grantId: g.id, lenderId: harbour.id, scope: null, resource: 'GET /api/lender/businesses', outcome: 'allowed', refusalReason: null },
    ]);
    // The candidate list no longer has it (the grant is not live), so the console does not even ask;
    // a direct read is refused and logged.
    const consent = api.app.get(ConsentService);
    await expect(
      consent.authorize(undefined, { lenderId: harbour.id, businessId: b, scope: 'profile', actor: { kind: 'lender_user', userId: harbour.user.user.id }, resource: 'test: after revocation' }),
    ).rejects.toMatchObject({ code: 'CONSENT_REFUSED', reason: 'revoked' });
    expect((await accessRows(b)).at(-1)).toEqual({ grantId: g.id, lenderId: harbour.id, scope: 'profile', resource: 'test: after revocation', outcome: 'refused', refusalReason: 'revoked' });

    const log = (await owner.get(`${base(b)}/access-log`).expect(200)).body;
    expect(log.items[0]).toMatchObject({
      recipient: { kind: 'lender', lender: { id: harbour.id, name: harbour.name } },
      accessor: { kind: 'lender_user', user: { id: harbour.user.user.id, name: `${harbour.name} analyst` }, apiKeyId: null },
      grant: { id: g.id, version: 2 },
      scope: 'profile',
      outcome: 'refused',
      refusalReason: 'revoked',
    });
  });

  it('keeps a refusal on record although the caller’s transaction rolls back, and an allowed read only with the caller’s work', async () => {
    const b = await createBusiness(owner, 'Transaction Co');
    await confirm(owner);
    await grantTo(b, harbour.id, { scopes: ['profile'] });
    const consent = api.app.get(ConsentService);
    const db = api.app.get(Db);
    const read = (scope: 'profile' | 'raw_documents', resource: string) => ({
      lenderId: harbour.id,
      businessId: b,
      scope,
      actor: { kind: 'lender_user' as const, userId: harbour.user.user.id },
      resource,
    });
    await expect(db.tenant(b, (t) => consent.authorize(t, read('raw_documents', 'test: out of scope')))).rejects.toBeInstanceOf(ConsentRefusedError);
    await expect(
      db.tenant(b, async (t) => {
        await consent.authorize(t, read('profile', 'test: caller failed'));
        throw new Error('the caller failed after the check');
      }),
    ).rejects.toThrow('the caller failed');
    await db.tenant(b, (t) => consent.authorize(t, read('profile', 'test: in scope')));
    expect((await accessRows(b)).map((r) => [r.resource, r.outcome, r.refusalReason])).toEqual([
      ['test: out of scope', 'refused', 'scope_not_granted'],
      ['test: in scope', 'allowed', null],
    ]);
    // A business that does not exist has no log, and is refused like one without consent.
    await expect(consent.authorize(undefined, { ...read('profile', 'test: nowhere'), businessId: randomUUID() })).rejects.toMatchObject({ reason: 'no_grant' });
  });

  it('stops sharing at the expiry time on the next request, and the expiry job records it once even when run twice', async () => {
    const b = await createBusiness(owner, 'Expiry Co');
    await confirm(owner);
    const g = await grantTo(b, harbour.id);
    expect(await lenderSees(harbour)).toContain(b);
    await expireNow(g.id);
    // Nothing has recorded the expiry yet, and the lender is already refused.
    expect(await lenderSees(harbour)).not.toContain(b);
    const consent = api.app.get(ConsentService);
    await expect(
      consent.authorize(undefined, { lenderId: harbour.id, businessId: b, scope: 'statements', actor: { kind: 'lender_user', userId: harbour.user.user.id }, resource: 'test: after expiry' }),
    ).rejects.toMatchObject({ reason: 'expired' });
    expect((await owner.get(`${base(b)}/grants/${g.id}`).expect(200)).body).toMatchObject({ status: 'expired', version: 1 });

    await Promise.all([scan(), scan()]);
    await scan();
    const after = (await owner.get(`${base(b)}/grants/${g.id}`).expect(200)).body;
    expect(after).toMatchObject({ status: 'expired', version: 2 });
    expect(after.history.map((e: { kind: string }) => e.kind)).toEqual(['granted', 'expired']);
    expect(after.history[1].actor).toBeNull();
    const audit = await auditOf(g.id);
    expect(audit.map((e) => [e.action, e.actorKind])).toEqual([
      ['consent.granted', 'user'],
      ['consent.expired', 'system'],
    ]);
    expect(await outboxOf(g.id)).toHaveLength(2);
    expect((await accessRows(b)).at(-1)).toMatchObject({ resource: 'test: after expiry', outcome: 'refused', refusalReason: 'expired' });
    await owner.post(`${base(b)}/grants/${g.id}/renew`, {}).expect(409);
    // Granting again to the same lender starts a new grant.
    const again = await grantTo(b, harbour.id);
    expect(again.id).not.toBe(g.id);
    expect(await lenderSees(harbour)).toContain(b);
  });

  it('records an expiry that the job has not reached when the owner grants to that lender again', async () => {
    const b = await createBusiness(owner, 'Lapsed Co');
    await confirm(owner);
    const g = await grantTo(b, jade.id);
    await expireNow(g.id);
    const again = await grantTo(b, jade.id, { scopes: ['profile'] });
    expect(again.history[0].kind).toBe('granted');
    expect((await auditOf(g.id)).map((e) => e.action)).toEqual(['consent.granted', 'consent.expired']);
    await scan();
    expect((await auditOf(g.id)).map((e) => e.action)).toEqual(['consent.granted', 'consent.expired']);
  });

  it('refuses a second open grant to one lender, and replaces the open one when the new consent names it (sharing more)', async () => {
    const b = await createBusiness(owner, 'Replace Co');
    await confirm(owner);
    const first = await grantTo(b, harbour.id, { scopes: ['profile'] });
    const twice = await owner
      .post(`${base(b)}/grants`, { recipient: 'lender', lenderId: harbour.id, purpose: 'working_capital', scopes: ['profile', 'raw_documents'], lookbackMonths: 24 })
      .expect(409);
    expect(twice.body.error.code).toBe('CONSENT_EXISTS');
    const wider = await grantTo(b, harbour.id, { scopes: ['profile', 'raw_documents'], lookbackMonths: 24, replacesGrantId: first.id });
    expect(wider).toMatchObject({ status: 'active', scopes: ['profile', 'raw_documents'], lookbackMonths: 24, replaces: first.id });
    const old = (await owner.get(`${base(b)}/grants/${first.id}`).expect(200)).body;
    expect(old).toMatchObject({ status: 'replaced', replacedBy: wider.id });
    expect((await auditOf(first.id)).map((e) => e.action)).toEqual(['consent.granted', 'consent.replaced']);
    const active = (await owner.get(`${base(b)}/grants?status=active`).expect(200)).body.items;
    expect(active.map((x: { id: string }) => x.id)).toEqual([wider.id]);
    const ended = (await owner.get(`${base(b)}/grants?status=ended`).expect(200)).body.items;
    expect(ended.map((x: { id: string }) => x.id)).toEqual([first.id]);
  });

  it('shows a lender only the grants made to it, and nothing to people outside lender organisations', async () => {
    const b = await createBusiness(owner, 'Only Harbour Co');
    await confirm(owner);
    const g = await grantTo(b, harbour.id);
    expect(await lenderSees(harbour)).toContain(b);
    expect(await lenderSees(jade)).not.toContain(b);
    const everyJadeGrant = await sql(`SELECT business_id FROM lender_live_grants($1, 1000, NULL, NULL)`, [jade.id]);
    expect(everyJadeGrant.map((r) => r.business_id)).not.toContain(b);

    // The runtime role reads grants only inside the business's tenant; the cross-business entry
    // point returns only the named lender's live grants.
    const app = await sqlAs('keeper_app');
    try {
      expect((await app.query(`SELECT count(*)::int AS n FROM consent_grants WHERE id = $1`, [g.id])).rows[0].n).toBe(0);
      const viaFunction = await app.query(`SELECT business_id, grant_id FROM lender_live_grants($1, 1000, NULL, NULL)`, [harbour.id]);
      expect(viaFunction.rows).toContainEqual({ business_id: b, grant_id: g.id });
      const lenders = await sql(
        `SELECT DISTINCT g.lender_id FROM consent_grants g JOIN lender_live_grants($1, 1000, NULL, NULL) f ON f.grant_id = g.id`,
        [harbour.id],
      );
      expect(lenders).toEqual([{ lender_id: harbour.id }]);
    } finally {
      await app.end();
    }

    const outsider = await signUp(api, 'Not a lender');
    const refused = await outsider.get('/api/lender/businesses').expect(403);
    expect(refused.body.error.code).toBe('FORBIDDEN');
    await harbour.user.get(`/api/lender/businesses?organisationId=${jade.id}`).expect(404);
    await harbour.user.get(`/api/lender/businesses?organisationId=${harbour.id}`).expect(200);
    // The owner of a business is no lender either, whatever their grants.
    await owner.get('/api/lender/businesses').expect(403);
  });

  it('pages the lender list newest consent first', async () => {
    const pager = await lender(`Pager Test Bank ${tag}`);
    const made: string[] = [];
    await confirm(owner);
    for (const name of ['Page One Co', 'Page Two Co', 'Page Three Co']) {
      const b = await createBusiness(owner, name);
      await grantTo(b, pager.id);
      made.push(b);
    }
    const first = (await pager.user.get('/api/lender/businesses?limit=2').expect(200)).body;
    expect(first.items.map((i: { business: { id: string } }) => i.business.id)).toEqual([made[2], made[1]]);
    const second = (await pager.user.get(`/api/lender/businesses?limit=2&cursor=${first.nextCursor}`).expect(200)).body;
    expect(second).toMatchObject({ nextCursor: null, items: [{ business: { id: made[0] } }] });
  });

  it('filters, pages and exports the access log', async () => {
    const b = await createBusiness(owner, 'Log Co');
    await confirm(owner);
    const g = await grantTo(b, harbour.id, { scopes: ['profile'] });
    const consent = api.app.get(ConsentService);
    const read = (scope: 'profile' | 'statements') =>
      consent
        .authorize(undefined, { lenderId: harbour.id, businessId: b, scope, actor: { kind: 'lender_user', userId: harbour.user.user.id }, resource: `GET /lender/v1/${scope}` })
        .catch(() => null);
    for (const scope of ['profile', 'statements', 'profile', 'profile'] as const) await read(scope);

    const refused = (await owner.get(`${base(b)}/access-log?outcome=refused`).expect(200)).body;
    expect(refused.items.map((i: { scope: string; refusalReason: string }) => [i.scope, i.refusalReason])).toEqual([['statements', 'scope_not_granted']]);
    const page1 = (await owner.get(`${base(b)}/access-log?scope=profile&grantId=${g.id}&limit=2`).expect(200)).body;
    expect(page1.items).toHaveLength(2);
    const page2 = (await owner.get(`${base(b)}/access-log?scope=profile&grantId=${g.id}&limit=2&cursor=${page1.nextCursor}`).expect(200)).body;
    expect(page2).toMatchObject({ nextCursor: null, items: [{ outcome: 'allowed' }] });
    const other = (await owner.get(`${base(b)}/access-log?lenderId=${jade.id}`).expect(200)).body;
    expect(other.items).toEqual([]);
    const bad = await owner.get(`${base(b)}/access-log?outcome=maybe`).expect(400);
    expect(bad.body.error.fields[0].field).toBe('outcome');

    const csv = await owner.get(`${base(b)}/access-log/export.csv?outcome=refused`).expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.text.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toBe('time,recipient,person,api_key,scope,resource,outcome,refusal_reason,grant_id,grant_version,request_id');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`${harbour.name},${harbour.name} analyst,,statements,GET /lender/v1/statements,refused,scope_not_granted,${g.id},1`);
    expect((await owner.get(`${base(b)}/grants/${g.id}`).expect(200)).body.lastAccessAt).not.toBeNull();
  });

  it('lets Keeper pre-qualify a business that consented, without showing that consent to any lender', async () => {
    const b = await createBusiness(owner, 'Prequal Co');
    await confirm(owner);
    const g = (
      await owner
        .post(`${base(b)}/grants`, { recipient: 'keeper_prequalification', purpose: 'prequalification', scopes: ['profile', 'statements', 'aggregates'], lookbackMonths: 24 })
        .expect(201)
    ).body;
    expect(g.recipient).toEqual({ kind: 'keeper_prequalification', lender: null });
    const consent = api.app.get(ConsentService);
    const allowed = await consent.authorize(undefined, { lenderId: null, businessId: b, scope: 'statements', actor: { kind: 'keeper' }, resource: 'credit.score' });
    expect(allowed).toMatchObject({ id: g.id, lookbackMonths: 24 });
    // A lender is not Keeper, and an actor cannot claim to be the other.
    await expect(
      consent.authorize(undefined, { lenderId: harbour.id, businessId: b, scope: 'statements', actor: { kind: 'lender_user', userId: harbour.user.user.id }, resource: 'x' }),
    ).rejects.toMatchObject({ reason: 'no_grant' });
    await expect(consent.authorize(undefined, { lenderId: null, businessId: b, scope: 'profile', actor: { kind: 'lender_user', userId: harbour.user.user.id }, resource: 'x' })).rejects.toThrow(
      /only Keeper reads/,
    );
    expect(await lenderSees(harbour)).not.toContain(b);
    const live: string[] = [];
    for (let after: string | null = null, page: string[]; (page = await consent.businessesWithActiveGrants(after, 500)).length > 0; after = page[page.length - 1]) {
      live.push(...page);
    }
    expect(live).toContain(b);
    expect(live).not.toContain(businessId);
  });
});
