import type { MyBusiness } from './me';

/**
 * What a member may do in a business, as the API lists it for their role (with each business in
 * /api/me and GET /businesses/{id}). The API enforces every permission; the app only hides or
 * disables what would be refused, and never decides by role itself.
 */
export type Permission = MyBusiness['permissions'][number];
export type Permissions = readonly Permission[];

export function allows(permissions: Permissions | undefined, permission: Permission): boolean {
  return permissions?.includes(permission) ?? false;
}
