import type { Role } from './roles';

// Mirrors apps/api/src/modules/access/permissions.ts (ROLE_PERMISSIONS). The API enforces it;
// the UI only hides or disables what would be refused. Keep both lists in step.
export type Permission =
  | 'business.update'
  | 'contacts.write'
  | 'products.write'
  | 'taxes.manage'
  | 'invoices.write'
  | 'invoices.issue'
  | 'invoices.void'
  | 'payments.read'
  | 'payments.write'
  | 'payments.refund'
  | 'dashboard.read'
  | 'reports.read'
  | 'ledger.read'
  | 'ledger.post'
  | 'reminders.manage'
  | 'consent.read'
  | 'consent.manage';

const ACCOUNTANT: readonly Permission[] = [
  'contacts.write',
  'products.write',
  'taxes.manage',
  'invoices.write',
  'invoices.issue',
  'invoices.void',
  'payments.read',
  'payments.write',
  'payments.refund',
  'dashboard.read',
  'reports.read',
  'ledger.read',
  'ledger.post',
];
const STAFF: readonly Permission[] = [
  'contacts.write',
  'products.write',
  'invoices.write',
  'invoices.issue',
  'payments.read',
  'payments.write',
  'dashboard.read',
];

export function roleAllows(role: Role | undefined, permission: Permission): boolean {
  switch (role) {
    case 'owner':
      return true;
    // Admins see what is shared and the access log; only owners grant, change or stop sharing.
    case 'admin':
      return permission !== 'consent.manage';
    case 'accountant':
      return ACCOUNTANT.includes(permission);
    case 'staff':
      return STAFF.includes(permission);
    default:
      return false;
  }
}
