export const ROLES = ['owner', 'admin', 'accountant', 'staff'] as const;
export type Role = (typeof ROLES)[number];

/**
 * What each role may do inside a business. Routes name a permission, never a role, so adding a
 * capability means adding it here once. Owner-only rules that depend on the target (e.g. making
 * someone an owner) are checked in the service with `canManageRole`.
 */
export const PERMISSIONS = [
  'business.read',
  'business.update',
  'members.read',
  'members.manage',
  'invitations.manage',
  'audit.read',
  'ledger.read',
  'ledger.post',
  'contacts.read',
  'contacts.write',
  'products.read',
  'products.write',
  'taxes.manage',
  'invoices.read',
  'invoices.write',
  'invoices.issue',
  'invoices.void',
  'reports.read',
  'dashboard.read',
  'payments.read',
  'payments.write',
  'payments.refund',
  'reminders.manage',
  'inventory.read',
  'inventory.write',
  'inventory.manage',
  'quotes.read',
  'quotes.write',
  'sales_orders.read',
  'sales_orders.write',
  'sales_orders.fulfil',
  'purchases.read',
  'purchases.write',
  'bills.read',
  'bills.write',
  'bills.void',
  'bills.pay',
  'expenses.read',
  'expenses.write',
  'expenses.void',
  'consent.read',
  'consent.manage',
  'credit.read',
  'credit.refresh',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ALL: readonly Permission[] = PERMISSIONS;

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  owner: ALL,
  // Whom the business's books are shared with, and for what, is the owners' decision: admins see
  // the grants and the access log but do not grant, renew, narrow or revoke.
  admin: ALL.filter((p) => p !== 'consent.manage'),
  accountant: [
    'business.read',
    'members.read',
    'audit.read',
    'ledger.read',
    'ledger.post',
    'contacts.read',
    'contacts.write',
    'products.read',
    'products.write',
    'taxes.manage',
    'invoices.read',
    'invoices.write',
    'invoices.issue',
    'invoices.void',
    'reports.read',
    'dashboard.read',
    'payments.read',
    'payments.write',
    'payments.refund',
    'inventory.read',
    'inventory.write',
    'quotes.read',
    'sales_orders.read',
    'purchases.read',
    'purchases.write',
    'bills.read',
    'bills.write',
    'bills.void',
    'bills.pay',
    'expenses.read',
    'expenses.write',
    'expenses.void',
    // The credit profile the books produce; asking for a recompute is left to owners and admins.
    'credit.read',
  ],
  // Daily sales work: customers, products and invoices yes; voiding, tax settings and the ledger no.
  staff: [
    'business.read',
    'members.read',
    'contacts.read',
    'contacts.write',
    'products.read',
    'products.write',
    'invoices.read',
    'invoices.write',
    'invoices.issue',
    'dashboard.read',
    'payments.read',
    'payments.write',
    'inventory.read',
    'inventory.write',
    'quotes.read',
    'quotes.write',
    'sales_orders.read',
    'sales_orders.write',
    'sales_orders.fulfil',
    // Ordering, receiving and entering supplier bills and expenses yes; paying suppliers and voids no.
    'purchases.read',
    'purchases.write',
    'bills.read',
    'bills.write',
    'expenses.read',
    'expenses.write',
  ],
};

export function roleAllows(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** Only owners may grant, change or remove the owner role; admins manage the other roles. */
export function canManageRole(actor: Role, targetRole: Role): boolean {
  if (actor === 'owner') return true;
  if (actor === 'admin') return targetRole !== 'owner';
  return false;
}
