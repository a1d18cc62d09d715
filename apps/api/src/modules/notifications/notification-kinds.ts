import type { Permission } from '../access/permissions';

/**
 * Every kind of in-app notification and the permission a member needs to see it: a notification
 * is raised once per business and shown to each member allowed to act on it.
 */
export const NOTIFICATION_PERMISSION = {
  low_stock: 'inventory.read',
} as const satisfies Record<string, Permission>;

export type NotificationKind = keyof typeof NOTIFICATION_PERMISSION;
export const NOTIFICATION_KINDS = Object.keys(NOTIFICATION_PERMISSION) as NotificationKind[];
