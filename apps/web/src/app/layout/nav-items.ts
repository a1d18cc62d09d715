import type { IconName } from '../../components/Icon';

export const SECTIONS = ['dashboard', 'sales', 'inventory', 'purchases', 'reports', 'financing'] as const;
export type Section = (typeof SECTIONS)[number];

export const NAV_ITEMS: readonly { key: Section | 'settings'; icon: IconName }[] = [
  { key: 'dashboard', icon: 'dashboard' },
  { key: 'sales', icon: 'sales' },
  { key: 'inventory', icon: 'inventory' },
  { key: 'purchases', icon: 'purchases' },
  { key: 'reports', icon: 'reports' },
  { key: 'financing', icon: 'financing' },
  { key: 'settings', icon: 'settings' },
];
