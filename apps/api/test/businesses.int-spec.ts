import type { Client } from 'pg';
import { PERMISSIONS, ROLE_PERMISSIONS } from '../src/modules/access/permissions';
import { addMember, Api, createBusiness, Session, signUp, sqlAs, startApi } from './harness';

/** The business profile (address and contact details printed on invoices) and what each member may do. */
describe('business profile', () => {
  let api: Api;
  let owner: Session;
  let db: Client;
  let businessId: string;
  const path = () => `/api/businesses/${businessId}`;

  beforeAll(async () => {
    api = await startApi();
    db = await sqlAs('postgres');
    owner = await signUp(api, 'Profile Owner');
    businessId = await createBusiness(owner, 'Lotus Tea House');
  });
  afterAll(async () => {
    await db.end();
    await api.close();
  });

  const profile = {
    addressLine1: '18 Longjing Road',
    addressLine2: 'Building 2',
    city: '杭州 Hangzhou',
    region: 'Zhejiang',
    postalCode: '310013',
    taxId: '91330100MA2H3XXX1K',
    email: 'accounts@lotus.example',
    phone: '+86 571 5555 0100',
  };

  it('starts empty, saves every part trimmed, and clears parts with null or blanks', async () => {
    const start = (await owner.get(path()).expect(200)).body;
    expect(start).toMatchObject({ addressLine1: null, addressLine2: null, city: null, region: null, postalCode: null, taxId: null, email: null, phone: null });

    const saved = await owner.patch(path(), { ...profile, addressLine1: `  ${profile.addressLine1}  `, country: 'cn' }).expect(200);
    expect(saved.body).toMatchObject({ ...profile, country: 'CN', name: 'Lotus Tea House' });
    expect((await owner.get(path()).expect(200)).body).toMatchObject(profile);

    const cleared = await owner.patch(path(), { addressLine2: null, phone: '   ', region: '' }).expect(200);
    expect(cleared.body).toMatchObject({ ...profile, addressLine2: null, phone: null, region: null });
    const [row] = (await db.query(`SELECT address_line2, phone, region FROM businesses WHERE id = $1`, [businessId])).rows;
    expect(row).toEqual({ address_line2: null, phone: null, region: null });
    // Fields left out stay as they were.
    await owner.patch(path(), { name: 'Lotus Tea House' }).expect(200);
    expect((await owner.get(path()).expect(200)).body.city).toBe(profile.city);
  });

  it('names each invalid field', async () => {
    const res = await owner
      .patch(path(), {
        email: 'not-an-email',
        phone: 'call us',
        postalCode: '1'.repeat(21),
        taxId: 'x'.repeat(51),
        addressLine1: 7,
        name: null,
        fax: '123',
      })
      .expect(400);
    const fields = (res.body.error.fields as { field: string; code: string }[]).map((f) => `${f.field}:${f.code}`).sort();
    expect(fields).toEqual(
      [
        'addressLine1:not_a_string',
        'email:invalid_email',
        'fax:unknown_field',
        'name:not_a_string',
        'phone:invalid_format',
        'postalCode:too_long',
        'taxId:too_long',
      ].sort(),
    );
  });

  it('audits what changed, from and to', async () => {
    await owner.patch(path(), { email: 'hello@lotus.example', taxId: profile.taxId }).expect(200);
    const { rows } = await db.query(
      `SELECT actor_user_id, details FROM audit_events WHERE business_id = $1 AND action = 'business.updated' ORDER BY created_at DESC LIMIT 1`,
      [businessId],
    );
    // The tax id did not change, so it is not recorded.
    expect(rows).toEqual([{ actor_user_id: owner.user.id, details: { email: { from: profile.email, to: 'hello@lotus.example' } } }]);
  });

  it("tells each member their role's permissions, and only owners and admins change the profile", async () => {
    const me = (await owner.get('/api/me').expect(200)).body;
    expect(me.businesses.find((b: { id: string }) => b.id === businessId).permissions).toEqual([...PERMISSIONS]);
    for (const role of ['admin', 'accountant', 'staff'] as const) {
      const member = await addMember(api, owner, businessId, role);
      const business = (await member.get(path()).expect(200)).body;
      expect({ role, permissions: business.permissions }).toEqual({ role, permissions: [...ROLE_PERMISSIONS[role]] });
      const mine = (await member.get('/api/me').expect(200)).body.businesses.find((b: { id: string }) => b.id === businessId);
      expect({ role, permissions: mine.permissions }).toEqual({ role, permissions: [...ROLE_PERMISSIONS[role]] });
      const status = (await member.patch(path(), { phone: '+1 555 0100' })).status;
      expect({ role, status }).toEqual({ role, status: role === 'admin' ? 200 : 403 });
    }
    // Staff do not read reports, and the list says so.
    expect(ROLE_PERMISSIONS.staff).not.toContain('reports.read');
  });
});
