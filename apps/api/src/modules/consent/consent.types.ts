/**
 * What a business can share and why. Scopes grow from least to most revealing: a lender that
 * needs invoices asks for raw documents explicitly, never through a broader word.
 */
export const CONSENT_SCOPES = ['profile', 'statements', 'aggregates', 'raw_documents'] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];

export const CONSENT_PURPOSES = [
  'working_capital',
  'invoice_financing',
  'equipment_financing',
  'line_of_credit',
  'refinancing',
  'prequalification',
  'other',
] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/** A lender organisation, or Keeper's own pre-qualification (which shares nothing outside Keeper). */
export const CONSENT_RECIPIENTS = ['lender', 'keeper_prequalification'] as const;
export type ConsentRecipient = (typeof CONSENT_RECIPIENTS)[number];

export const GRANT_STATUSES = ['active', 'expired', 'revoked', 'replaced'] as const;
export type GrantStatus = (typeof GRANT_STATUSES)[number];

export const GRANT_EVENT_KINDS = ['granted', 'renewed', 'narrowed', 'revoked', 'expired', 'replaced'] as const;
export type GrantEventKind = (typeof GRANT_EVENT_KINDS)[number];

export const REFUSAL_REASONS = ['no_grant', 'revoked', 'expired', 'replaced', 'scope_not_granted'] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export const ACCESSOR_KINDS = ['lender_user', 'lender_api_key', 'keeper'] as const;

/** Expiry when the owner does not choose one, and the longest a grant may run from today. */
export const DEFAULT_GRANT_DAYS = 90;
export const MAX_GRANT_DAYS = 365;

export const LOOKBACK_MONTHS = { min: 1, max: 60, default: 12 } as const;

/** Who reads: a person at the lender, the lender's system through an API key, or Keeper itself. */
export type ConsentAccessor =
  | { kind: 'lender_user'; userId: string }
  | { kind: 'lender_api_key'; apiKeyId: string }
  | { kind: 'keeper' };

/** A grant as the decision sees it, read fresh from PostgreSQL for every request. */
export interface GrantState {
  id: string;
  version: number;
  scopes: ConsentScope[];
  revoked: boolean;
  replaced: boolean;
  /** Its expiry was recorded, or expires_at is not after the database's now(). */
  expired: boolean;
}

export type AccessDecision = { allowed: true } | { allowed: false; reason: RefusalReason };

/**
 * The consent rule, with nothing else in it: the recipient's current grant (the open one, else
 * the latest) must be neither revoked, replaced nor expired, and must cover the scope. A null
 * scope asks only whether the grant is live (reading the grant's own terms).
 */
export function decideAccess(grant: GrantState | null, scope: ConsentScope | null): AccessDecision {
  if (!grant) return { allowed: false, reason: 'no_grant' };
  if (grant.revoked) return { allowed: false, reason: 'revoked' };
  if (grant.replaced) return { allowed: false, reason: 'replaced' };
  if (grant.expired) return { allowed: false, reason: 'expired' };
  if (scope !== null && !grant.scopes.includes(scope)) return { allowed: false, reason: 'scope_not_granted' };
  return { allowed: true };
}

/** Keeps the canonical order of scopes, so stored arrays compare and read the same way. */
export const sortScopes = (scopes: readonly ConsentScope[]): ConsentScope[] =>
  CONSENT_SCOPES.filter((s) => scopes.includes(s));
