import { Api, createBusiness, Session, signUp, sqlAs, startApi } from './harness';

describe('Idempotency-Key', () => {
  let api: Api;
  let owner: Session;
  let businessId: string;

  beforeAll(async () => {
    api = await startApi();
    owner = await signUp(api);
    businessId = await createBusiness(owner);
  });
  afterAll(() => api.close());

  const countInvitations = async (email: string) => {
    const db = await sqlAs('postgres');
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM invitations WHERE business_id = $1 AND email = $2`, [
      businessId,
      email,
    ]);
    const outbox = await db.query(
      `SELECT count(*)::int AS n FROM outbox o JOIN invitations i ON i.business_id = o.business_id
          AND i.id = (o.payload->>'invitationId')::uuid WHERE o.business_id = $1 AND i.email = $2`,
      [businessId, email],
    );
    await db.end();
    return { invitations: rows[0].n, outbox: outbox.rows[0].n };
  };

  it('makes 20 parallel identical POSTs with one key into one effect', async () => {
    const body = { email: 'parallel@example.test', role: 'staff' };
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => owner.post(`/api/businesses/${businessId}/invitations`, body, 'parallel-key-1')),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    for (const r of responses.filter((x) => x.status === 409)) expect(r.body.error.code).toBe('IDEMPOTENCY_IN_PROGRESS');
    const created = responses.filter((r) => r.status === 201).map((r) => r.body.invitation.id);
    expect(new Set(created).size).toBe(1);
    expect(await countInvitations(body.email)).toEqual({ invitations: 1, outbox: 1 });
  });

  it('replays the first response for the same key and body', async () => {
    const body = { email: 'replay@example.test', role: 'accountant' };
    const first = await owner.post(`/api/businesses/${businessId}/invitations`, body, 'replay-key').expect(201);
    const second = await owner.post(`/api/businesses/${businessId}/invitations`, body, 'replay-key').expect(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body).toEqual(first.body);
    expect(await countInvitations(body.email)).toEqual({ invitations: 1, outbox: 1 });
  });

  it('refuses the same key with a different body with 422', async () => {
    await owner
      .post(`/api/businesses/${businessId}/invitations`, { email: 'k1@example.test', role: 'staff' }, 'reused-key')
      .expect(201);
    const res = await owner
      .post(`/api/businesses/${businessId}/invitations`, { email: 'k2@example.test', role: 'staff' }, 'reused-key')
      .expect(422);
    expect(res.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await countInvitations('k2@example.test')).toEqual({ invitations: 0, outbox: 0 });
  });

  it('scopes keys to the principal: another member may use the same key', async () => {
    const other = await signUp(api);
    const otherBusiness = await createBusiness(other, 'Other');
    const a = await owner.post(`/api/businesses/${businessId}/invitations`, { email: 's1@example.test', role: 'staff' }, 'shared');
    const b = await other.post(`/api/businesses/${otherBusiness}/invitations`, { email: 's1@example.test', role: 'staff' }, 'shared');
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.headers['idempotent-replayed']).toBeUndefined();
  });

  it('keeps no record of a failed request, so it can be retried with the same key', async () => {
    const bad = await owner.post(`/api/businesses/${businessId}/invitations`, { email: 'nope', role: 'staff' }, 'retry-key');
    expect(bad.status).toBe(400);
    const good = await owner.post(
      `/api/businesses/${businessId}/invitations`,
      { email: 'retry@example.test', role: 'staff' },
      'retry-key',
    );
    expect(good.status).toBe(201);
  });

  it('works for mutations outside a business (creating one)', async () => {
    const body = { name: 'Once Only', baseCurrency: 'EUR' };
    const results = await Promise.all(Array.from({ length: 5 }, () => owner.post('/api/businesses', body, 'create-once')));
    const ids = new Set(results.filter((r) => r.status === 201).map((r) => r.body.id));
    expect(ids.size).toBe(1);
    const me = await owner.get('/api/me').expect(200);
    expect(me.body.businesses.filter((b: { name: string }) => b.name === 'Once Only')).toHaveLength(1);
  });
});
