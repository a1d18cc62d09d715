import type { Request } from 'express';
import type { Role } from './permissions';

export interface Principal {
  userId: string;
  sessionId: string;
  email: string;
  name: string;
  locale: string;
  csrfToken: string;
  /** When the user last re-entered their password in this session (consent and other acts that need it). */
  passwordConfirmedAt: Date | null;
}

export interface BusinessAccess {
  businessId: string;
  membershipId: string;
  role: Role;
  userId: string;
}

/** A signed-in member of a lender organisation, on a lender route. */
export interface LenderAccess {
  lenderId: string;
  userId: string;
  role: 'admin' | 'analyst' | 'viewer';
}

export type AuthedRequest = Request & { id?: string; principal?: Principal; access?: BusinessAccess; lender?: LenderAccess };

/** The principal an idempotency key or audit entry belongs to. */
export const principalKey = (p: Principal) => `user:${p.userId}`;
