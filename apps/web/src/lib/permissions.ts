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
  | 'inventory.write'
  | 'inventory.manage'
  | 'quotes.write'
  | 'sales_orders.write'
  | 'sales_orders.fulfil'
  | 'purchases.write'
  | 'bills.write'
  | 'bills.void'
  | 'bills.pay'
  | 'expenses.write'
  | 'expenses.void';

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
  'inventory.write',
  'purchases.write',
  'bills.write',
  'bills.void',
  'bills.pay',
  'expenses.write',
  'expenses.void',
];
const STAFF: readonly Permission[] = [
  'contacts.write',
  'products.write',
  'invoices.write',
  'invoices.issue',
  'payments.read',
  'payments.write',
  'dashboard.read',
  'inventory.write',
  'quotes.write',
  'sales_orders.write',
  'sales_orders.fulfil',
  'purchases.write',
  'bills.write',
  'expenses.write',
];

export function roleAllows(role: Role | undefined, permission: Permission): boolean {
  switch (role) {
    case 'owner':
    case 'admin':
      return true;
    case 'accountant':
      return ACCOUNTANT.includes(permission);
    case 'staff':
      return STAFF.includes(permission);
    default:
      return false;
  }
}
