import request from 'supertest';
import { addMember, Api, createBusiness, Session, signUp, startApi } from './harness';

describe('roles and permissions', () => {
  let api: Api;
  let owner: Session;
  let businessId: string;
  let staff: Session;
  let admin: Session;
  let accountant: Session;

  beforeAll(async () => {
    api = await startApi();
    owner = await signUp(api, 'Owner');
    businessId = await createBusiness(owner);
    staff = await addMember(api, owner, businessId, 'staff');
    admin = await addMember(api, owner, businessId, 'admin');
    accountant = await addMember(api, owner, businessId, 'accountant');
  });
  afterAll(() => api.close());

  const membershipOf = async (s: Session) => {
    const res = await owner.get(`/api/businesses/${businessId}/members?limit=100`).expect(200);
    return res.body.items.find((m: { userId: string }) => m.userId === s.user.id).id as string;
  };

  it('lets staff read but not do what only an owner (or admin) may', async () => {
    await staff.get(`/api/businesses/${businessId}`).expect(200);
    const adminMembership = await membershipOf(admin);
    const attempts = [
      staff.patch(`/api/businesses/${businessId}/members/${adminMembership}`, { role: 'staff' }),
      staff.delete(`/api/businesses/${businessId}/members/${adminMembership}`),
      staff.post(`/api/businesses/${businessId}/invitations`, { email: 'x@example.test', role: 'staff' }),
      staff.patch(`/api/businesses/${businessId}`, { name: 'Renamed by staff' }),
      staff.get(`/api/businesses/${businessId}/audit-events`),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    }
    const business = await owner.get(`/api/businesses/${businessId}`).expect(200);
    expect(business.body.name).toBe('Test Business');
  });

  it('lets an admin manage staff but not owners', async () => {
    const ownerMembership = await membershipOf(owner);
    await admin.patch(`/api/businesses/${businessId}/members/${ownerMembership}`, { role: 'staff' }).expect(403);
    await admin.patch(`/api/businesses/${businessId}/members/${await membershipOf(staff)}`, { role: 'accountant' }).expect(200);
    await admin.patch(`/api/businesses/${businessId}/members/${await membershipOf(staff)}`, { role: 'owner' }).expect(403);
    await admin.post(`/api/businesses/${businessId}/invitations`, { email: 'o@example.test', role: 'owner' }).expect(403);
    await owner.patch(`/api/businesses/${businessId}/members/${await membershipOf(staff)}`, { role: 'staff' }).expect(200);
  });

  it('lets an accountant read the audit log but not manage members', async () => {
    await accountant.get(`/api/businesses/${businessId}/audit-events`).expect(200);
    await accountant.post(`/api/businesses/${businessId}/invitations`, { email: 'y@example.test', role: 'staff' }).expect(403);
  });

  it('never leaves a business without an owner', async () => {
    const res = await owner.patch(`/api/businesses/${businessId}/members/${await membershipOf(owner)}`, { role: 'admin' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('LAST_OWNER');
  });

  it('records role changes and removals in the audit log', async () => {
    const staffMembership = await membershipOf(staff);
    await owner.patch(`/api/businesses/${businessId}/members/${staffMembership}`, { role: 'accountant' }).expect(200);
    await owner.delete(`/api/businesses/${businessId}/members/${staffMembership}`).expect(204);
    await staff.get(`/api/businesses/${businessId}`).expect(404);
    const log = await owner.get(`/api/businesses/${businessId}/audit-events?limit=100`).expect(200);
    const actions = log.body.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['member.role_changed', 'member.removed', 'member.joined', 'business.created']));
  });

  it('refuses signed-out callers and mutations without the CSRF token', async () => {
    const anonymous = await request(api.app.getHttpServer()).get(`/api/businesses/${businessId}`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe('UNAUTHENTICATED');
    const forged = await owner.agent.post('/api/businesses').send({ name: 'X', baseCurrency: 'USD' });
    expect(forged.status).toBe(403);
    expect(forged.body.error.code).toBe('CSRF_FAILED');
  });
});
