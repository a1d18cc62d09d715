import type { IconName } from '../../components/Icon';
import type { Permission } from '../../lib/permissions';

export const SECTIONS = ['dashboard', 'sales', 'inventory', 'purchases', 'reports', 'financing'] as const;
export type Section = (typeof SECTIONS)[number];

/**
 * The main navigation. An item with `needs` shows only to those whose role has one of those
 * permissions (what its pages read); sections not built yet need nothing.
 */
export const NAV_ITEMS: readonly { key: Section | 'settings'; icon: IconName; needs?: readonly Permission[] }[] = [
  { key: 'dashboard', icon: 'dashboard', needs: ['dashboard.read'] },
  { key: 'sales', icon: 'sales', needs: ['invoices.read'] },
  { key: 'inventory', icon: 'inventory', needs: ['products.read'] },
  { key: 'purchases', icon: 'purchases', needs: ['purchases.read', 'bills.read', 'expenses.read'] },
  { key: 'reports', icon: 'reports', needs: ['reports.read', 'ledger.read'] },
  { key: 'financing', icon: 'financing' },
  { key: 'settings', icon: 'settings', needs: ['business.read'] },
];
