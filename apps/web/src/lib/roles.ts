import type { ResponseBody } from './api';

export type Role = ResponseBody<'/api/me', 'get'>['businesses'][number]['role'];

/** Most to least privileged, as the API orders them. */
export const ROLES = ['owner', 'admin', 'accountant', 'staff'] as const satisfies readonly Role[];

// Mirrors the API's rule: an owner manages anyone; an admin manages accountants and staff.
// The API enforces it; the UI only hides what would be refused.
export function assignableRoles(actor: Role | undefined): Role[] {
  if (actor === 'owner') return [...ROLES];
  if (actor === 'admin') return ['accountant', 'staff'];
  return [];
}

export function canManageMember(actor: Role | undefined, target: Role): boolean {
  return assignableRoles(actor).includes(target);
}
