import { decideAccess, sortScopes, type GrantState } from './consent.types';

const live: GrantState = { id: 'g', version: 1, scopes: ['profile', 'statements'], revoked: false, replaced: false, expired: false };

describe('decideAccess', () => {
  it('allows a live grant for a granted scope, and for the grant itself (no scope)', () => {
    expect(decideAccess(live, 'profile')).toEqual({ allowed: true });
    expect(decideAccess(live, 'statements')).toEqual({ allowed: true });
    expect(decideAccess(live, null)).toEqual({ allowed: true });
  });

  it('refuses a scope the grant does not cover', () => {
    expect(decideAccess(live, 'raw_documents')).toEqual({ allowed: false, reason: 'scope_not_granted' });
    expect(decideAccess(live, 'aggregates')).toEqual({ allowed: false, reason: 'scope_not_granted' });
  });

  it('refuses without a grant, and after revocation, replacement or expiry, whatever the scope', () => {
    expect(decideAccess(null, null)).toEqual({ allowed: false, reason: 'no_grant' });
    for (const scope of ['profile', null] as const) {
      expect(decideAccess({ ...live, revoked: true }, scope)).toEqual({ allowed: false, reason: 'revoked' });
      expect(decideAccess({ ...live, replaced: true }, scope)).toEqual({ allowed: false, reason: 'replaced' });
      expect(decideAccess({ ...live, expired: true }, scope)).toEqual({ allowed: false, reason: 'expired' });
    }
  });

  it('names revocation before expiry when both apply', () => {
    expect(decideAccess({ ...live, revoked: true, expired: true }, 'profile')).toEqual({ allowed: false, reason: 'revoked' });
  });
});

describe('sortScopes', () => {
  it('puts scopes in their canonical order', () => {
    expect(sortScopes(['raw_documents', 'profile', 'aggregates'])).toEqual(['profile', 'aggregates', 'raw_documents']);
  });
});
