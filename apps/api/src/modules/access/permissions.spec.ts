import { canManageRole, PERMISSIONS, roleAllows, ROLES } from './permissions';

describe('role permissions', () => {
  it('gives the owner every permission', () => {
    for (const p of PERMISSIONS) expect(roleAllows('owner', p)).toBe(true);
  });

  it('keeps staff out of member management, invitations, settings and the audit log', () => {
    for (const p of ['members.manage', 'invitations.manage', 'business.update', 'audit.read'] as const) {
      expect(roleAllows('staff', p)).toBe(false);
    }
  });

  it('lets only owners manage consent; admins may read it, accountants and staff neither', () => {
    expect(roleAllows('owner', 'consent.manage')).toBe(true);
    expect(roleAllows('admin', 'consent.manage')).toBe(false);
    expect(roleAllows('admin', 'consent.read')).toBe(true);
    for (const r of ['accountant', 'staff'] as const) {
      expect(roleAllows(r, 'consent.read')).toBe(false);
      expect(roleAllows(r, 'consent.manage')).toBe(false);
    }
  });

  it('lets only owners touch the owner role', () => {
    expect(canManageRole('owner', 'owner')).toBe(true);
    expect(canManageRole('admin', 'owner')).toBe(false);
    expect(canManageRole('admin', 'staff')).toBe(true);
    for (const r of ROLES) {
      expect(canManageRole('staff', r)).toBe(false);
      expect(canManageRole('accountant', r)).toBe(false);
    }
  });
});
