import request from 'supertest';
import { Api, PASSWORD, signUp, sqlAs, startApi } from './harness';

describe('sign-up, sign-in and sign-out', () => {
  let api: Api;
  beforeAll(async () => {
    api = await startApi({ SIGN_IN_MAX_FAILURES_PER_ACCOUNT: '3', SIGN_IN_MAX_ATTEMPTS_PER_IP: '1000' });
  });
  afterAll(() => api.close());

  const http = () => request(api.app.getHttpServer());

  it('names the field in validation errors', async () => {
    const res = await http()
      .post('/api/auth/sign-up')
      .send({ email: 'not-an-email', password: '11 chars!!!', name: '' })
      .expect(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    const fields = res.body.error.fields.map((f: { field: string }) => f.field).sort();
    expect(fields).toEqual(['email', 'name', 'password']);
    expect(res.body.error.fields.find((f: { field: string }) => f.field === 'password').message).toMatch(/12 characters/);
  });

  it('refuses unknown fields, naming them', async () => {
    const res = await http()
      .post('/api/auth/sign-up')
      .send({ email: 'x@example.test', password: PASSWORD, name: 'X', isAdmin: true })
      .expect(400);
    expect(res.body.error.fields).toEqual([expect.objectContaining({ field: 'isAdmin', code: 'unknown_field' })]);
  });

  it('sets an httpOnly SameSite session cookie, and signs out for good', async () => {
    const s = await signUp(api);
    await s.get('/api/me').expect(200);
    const res = await s.agent.post('/api/auth/sign-in').send({ email: s.user.email, password: PASSWORD }).expect(200);
    const cookie = ([] as string[]).concat(res.headers['set-cookie']).find((c) => c.startsWith('keeper_session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    s.captureCsrf(res);
    const stolen = cookie.split(';')[0];
    await s.post('/api/auth/sign-out').expect(204);
    await s.get('/api/me').expect(401);
    // The old cookie value is dead server-side, not just cleared in this browser.
    await http().get('/api/me').set('Cookie', stolen).expect(401);
  });

  it('refuses a duplicate email with a field error', async () => {
    const s = await signUp(api);
    const res = await http()
      .post('/api/auth/sign-up')
      .send({ email: s.user.email.toUpperCase(), password: PASSWORD, name: 'Again' })
      .expect(409);
    expect(res.body.error.fields[0].field).toBe('email');
  });

  it('locks an account after repeated failures, with Retry-After, even for the right password', async () => {
    const s = await signUp(api);
    for (let i = 0; i < 3; i++) {
      const r = await http().post('/api/auth/sign-in').send({ email: s.user.email, password: 'wrong password!!' });
      expect(r.status).toBe(401);
      expect(r.body.error.code).toBe('INVALID_CREDENTIALS');
    }
    const locked = await http().post('/api/auth/sign-in').send({ email: s.user.email, password: PASSWORD });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    const db = await sqlAs('postgres');
    const { rows } = await db.query(
      `SELECT kind, count(*)::int AS n FROM security_events WHERE email = $1 GROUP BY kind ORDER BY kind`,
      [s.user.email],
    );
    await db.end();
    expect(rows).toEqual([
      { kind: 'sign_in_failed', n: 3 },
      { kind: 'sign_in_throttled', n: 1 },
      { kind: 'sign_up', n: 1 },
    ]);
  });

  it('does not reveal whether an account exists', async () => {
    const res = await http().post('/api/auth/sign-in').send({ email: 'nobody@example.test', password: 'whatever it is' });
    expect(res.status).toBe(401);
    expect(res.body.error.message).toBe('Email or password is incorrect');
  });

  describe('per-IP limit', () => {
    let strict: Api;
    beforeAll(async () => {
      strict = await startApi({ SIGN_IN_MAX_ATTEMPTS_PER_IP: '4', SIGN_IN_MAX_FAILURES_PER_ACCOUNT: '100' });
    });
    afterAll(() => strict.close());

    it('blocks an address after too many attempts across accounts', async () => {
      const ip = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.7`;
      // TRUST_PROXY=loopback: the test client is on loopback, so X-Forwarded-For names the caller.
      const attempt = (n: number) =>
        request(strict.app.getHttpServer())
          .post('/api/auth/sign-in')
          .set('X-Forwarded-For', ip)
          .send({ email: `user${n}@example.test`, password: 'wrong password!!' });
      for (let i = 0; i < 4; i++) expect((await attempt(i)).status).toBe(401);
      const blocked = await attempt(99);
      expect(blocked.status).toBe(429);
      expect(blocked.body.error.code).toBe('RATE_LIMITED');
    });
  });

  it('keeps audit and security events append-only for the runtime role', async () => {
    const db = await sqlAs('keeper_app');
    await expect(db.query(`UPDATE security_events SET kind = 'sign_in'`)).rejects.toThrow(/permission denied/);
    await expect(db.query(`DELETE FROM security_events`)).rejects.toThrow(/permission denied/);
    await expect(db.query(`DELETE FROM audit_events`)).rejects.toThrow(/permission denied/);
    await db.end();
    // Even the schema owner cannot rewrite history: a trigger refuses it.
    const owner = await sqlAs('keeper_owner');
    await expect(owner.query(`DELETE FROM security_events`)).rejects.toThrow(/append-only/);
    await owner.end();
  });
});
