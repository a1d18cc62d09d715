import type { Request } from 'express';
import type { Role } from './permissions';

export interface Principal {
  userId: string;
  sessionId: string;
  email: string;
  name: string;
  locale: string;
  csrfToken: string;
}

export interface BusinessAccess {
  businessId: string;
  membershipId: string;
  role: Role;
  userId: string;
}

export type AuthedRequest = Request & { id?: string; principal?: Principal; access?: BusinessAccess };

/** The principal an idempotency key or audit entry belongs to. */
export const principalKey = (p: Principal) => `user:${p.userId}`;
