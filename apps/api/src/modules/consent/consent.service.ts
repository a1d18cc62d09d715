import { Injectable, Logger } from '@nestjs/common';
import { DomainError } from '../../common/errors';
import { decodeCursor, encodeCursor } from '../../common/pagination';
import { currentRequestId } from '../../common/request-context';
import { Db, TenantTx } from '../../db/db';
import { AccessLogRepository, type AccessRecord } from './access-log.repository';
import { ConsentHistory } from './consent-history';
import type { ConsentGrantDto } from './dto/consent.dto';
import { ConsentRepository, type GrantTerms } from './consent.repository';
import { decideAccess, type ConsentAccessor, type ConsentScope, type RefusalReason } from './consent.types';

const REFUSALS: Record<RefusalReason, string> = {
  no_grant: 'This business has not consented to share this with you',
  revoked: 'The business revoked its consent',
  expired: 'The business’s consent has expired',
  replaced: 'The business replaced this consent',
  scope_not_granted: 'The business’s consent does not cover this information',
};

/** A read outside the business that its consent does not allow: 403 CONSENT_REFUSED, logged. */
export class ConsentRefusedError extends DomainError {
  constructor(readonly reason: RefusalReason) {
    super('CONSENT_REFUSED', REFUSALS[reason]);
  }
}

export interface AccessRequest {
  /** The lender organisation reading; null for Keeper's own pre-qualification. */
  lenderId: string | null;
  businessId: string;
  /** What is read; null reads only the grant itself (that it exists, and its terms). */
  scope: ConsentScope | null;
  actor: ConsentAccessor;
  /** What was asked for, for the owner's access log: a route, or a job's name. */
  resource: string;
}

/** The grant a read is allowed under: its terms bound what may be read (scopes, lookback). */
export type AuthorizedGrant = GrantTerms;

/**
 * The single gate for everything outside a business that reads its data: every such read calls
 * `authorize` first, which decides from the grant as it is in PostgreSQL at that moment (nothing
 * is cached, so a revocation or an expiry holds from the very next request) and writes the access
 * log row, allowed or refused. Also what other modules need across businesses: a lender's live
 * grants, the businesses with live consent, and the recording of expiries.
 */
@Injectable()
export class ConsentService {
  private readonly log = new Logger('consent');

  constructor(
    private readonly db: Db,
    private readonly repo: ConsentRepository,
    private readonly accessLog: AccessLogRepository,
    private readonly history: ConsentHistory,
  ) {}

  /**
   * Allows the read and logs it, or logs the refusal and throws ConsentRefusedError.
   *
   * Given `t` (the caller's tenant transaction for that business), the allowed row commits with
   * the caller's work. A refusal must be on record although the request fails, and the caller's
   * transaction will roll back: so inside any transaction the refusal is written in one of its
   * own (a second connection) before throwing. Without a transaction, the decision and its row
   * commit together first.
   */
  async authorize(t: TenantTx | undefined, req: AccessRequest): Promise<AuthorizedGrant> {
    if ((req.lenderId === null) !== (req.actor.kind === 'keeper')) {
      throw new Error('A lender reads as a lender user or API key; only Keeper reads for its pre-qualification');
    }
    if (t && t.businessId !== req.businessId) throw new Error('authorize: the transaction belongs to another business');
    const nested = t !== undefined || this.db.inTransaction;
    const decide = async (x: TenantTx) => {
      const grant = await this.repo.current(x, req.lenderId);
      const decision = decideAccess(grant, req.scope);
      const record: AccessRecord = {
        grantId: grant?.id ?? null,
        grantVersion: grant?.version ?? null,
        lenderId: req.lenderId,
        accessor: req.actor,
        scope: req.scope,
        resource: req.resource,
        refusal: decision.allowed ? null : decision.reason,
        requestId: currentRequestId(),
      };
      // A business that does not exist has no log to write to (and nothing to read).
      const loggable = grant !== null || (await this.repo.businessExists(x));
      if (loggable && (decision.allowed || !nested)) await this.accessLog.record(x, record);
      return { grant, decision, record, loggable };
    };
    const { grant, decision, record, loggable } = t ? await decide(t) : await this.db.tenant(req.businessId, decide);
    if (decision.allowed) {
      const { revoked: _r, replaced: _p, expired: _e, ...terms } = grant!;
      return terms;
    }
    if (nested && loggable) {
      await this.db.outside(() => this.db.tenant(req.businessId, (x) => this.accessLog.record(x, record)));
    }
    throw new ConsentRefusedError(decision.reason);
  }

  /**
   * A lender's live grants across businesses, newest first: candidates only. Reading anything of
   * one of these businesses, its name included, still goes through `authorize`.
   */
  async activeGrantsFor(lenderId: string, page: { limit: number; cursor?: string }) {
    const rows = await this.db.account(null, (tx) => this.repo.lenderLiveGrants(tx, lenderId, page.limit + 1, decodeCursor(page.cursor)));
    const items = rows.slice(0, page.limit);
    const last = items[items.length - 1];
    return {
      items: items.map(({ businessId, grantId }) => ({ businessId, grantId })),
      nextCursor: rows.length > page.limit && last ? encodeCursor({ at: last.cursorAt, id: last.grantId }) : null,
    };
  }

  /**
   * The business's live grants (what it shares now, with whom, until when, and when each was last
   * used), for the owner's own views such as the credit profile's "who can see it".
   */
  async liveGrants(t: TenantTx): Promise<ConsentGrantDto[]> {
    const rows = await this.repo.list(t, { status: 'active', limit: 100 });
    return rows.slice(0, 100).map(({ cursorAt: _omit, ...grant }) => grant);
  }

  /** Businesses with at least one live grant, in id order after `after`: what the nightly re-scoring walks. */
  businessesWithActiveGrants(after: string | null = null, limit = 1000): Promise<string[]> {
    return this.db.account(null, (tx) => this.repo.businessesWithLiveConsent(tx, limit, after));
  }

  /** Records the expiry of every grant whose time ran out (up to `limit`); returns how many it recorded. */
  async expireDue(limit = 500): Promise<number> {
    const due = await this.db.account(null, (tx) => this.repo.dueExpiries(tx, limit));
    let recorded = 0;
    for (const d of due) {
      if (await this.db.tenant(d.businessId, (t) => this.expire(t, d.grantId))) recorded++;
    }
    if (recorded > 0) this.log.log({ recorded }, 'consent expiries recorded');
    return recorded;
  }

  /**
   * Records one grant's expiry, exactly once: the conditional update changes an open grant whose
   * time has run out, and only the transaction that changed it writes the version, audit and outbox row.
   */
  async expire(t: TenantTx, grantId: string): Promise<boolean> {
    if (!(await this.repo.markExpired(t, grantId))) return false;
    await this.history.record(t, grantId, { kind: 'expired', actorUserId: null });
    return true;
  }
}
