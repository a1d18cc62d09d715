import { Injectable } from '@nestjs/common';
import { decodeCursor } from '../../common/pagination';
import type { TenantTx, Tx } from '../../db/db';
import type { ConsentGrantDto, ConsentGrantEventDto } from './dto/consent.dto';
import type { ConsentPurpose, ConsentRecipient, ConsentScope, GrantEventKind, GrantState, GrantStatus } from './consent.types';

/** Not revoked, replaced or recorded as expired (its expires_at may still have passed). */
const OPEN = `g.revoked_at IS NULL AND g.replaced_at IS NULL AND g.expired_at IS NULL`;
const EXPIRED = `(g.expired_at IS NOT NULL OR g.expires_at <= now())`;
const STATUS = `CASE WHEN g.revoked_at IS NOT NULL THEN 'revoked' WHEN g.replaced_at IS NOT NULL THEN 'replaced'
                     WHEN ${EXPIRED} THEN 'expired' ELSE 'active' END`;
/** The last day of sharing in the business's calendar: expires_at is the end of that day. */
const EXPIRES_ON = `((g.expires_at - interval '1 microsecond') AT TIME ZONE b.timezone)::date::text`;
/** The end of a calendar day ($n::date) in the business's timezone. */
const endOfDay = (param: string) => `(((${param})::date + 1)::timestamp AT TIME ZONE b.timezone)`;
const RECIPIENT_MATCH = `(($2::uuid IS NULL AND g.lender_id IS NULL) OR g.lender_id = $2::uuid)`;

const GRANT_SELECT = `
  SELECT g.id, ${STATUS} AS status,
         json_build_object('kind', g.recipient, 'lender',
           CASE WHEN l.id IS NULL THEN NULL ELSE json_build_object('id', l.id, 'name', l.name) END) AS recipient,
         g.purpose, g.purpose_note AS "purposeNote", g.scopes, g.lookback_months AS "lookbackMonths",
         g.granted_at AS "grantedAt", json_build_object('id', gu.id, 'name', gu.name) AS "grantedBy",
         g.expires_at AS "expiresAt", ${EXPIRES_ON} AS "expiresOn",
         g.renewed_at AS "renewedAt", g.renewal_count AS "renewalCount",
         g.revoked_at AS "revokedAt",
         CASE WHEN ru.id IS NULL THEN NULL ELSE json_build_object('id', ru.id, 'name', ru.name) END AS "revokedBy",
         g.revoke_reason AS "revokeReason",
         coalesce(g.revoked_at, g.replaced_at, CASE WHEN ${EXPIRED} THEN g.expires_at END) AS "endedAt",
         (SELECT n.id FROM consent_grants n WHERE n.business_id = g.business_id AND n.replaces = g.id) AS "replacedBy",
         g.replaces, g.version,
         (SELECT a.at FROM consent_access_log a
           WHERE a.business_id = g.business_id AND a.grant_id = g.id AND a.outcome = 'allowed'
           ORDER BY a.at DESC LIMIT 1) AS "lastAccessAt",
         g.granted_at::text AS "cursorAt"
    FROM consent_grants g
    JOIN businesses b ON b.id = g.business_id
    JOIN users gu ON gu.id = g.granted_by
    LEFT JOIN users ru ON ru.id = g.revoked_by
    LEFT JOIN lender_organisations l ON l.id = g.lender_id`;

/** What a recipient may know about its own grant: the terms it reads under. */
export interface GrantTerms {
  id: string;
  version: number;
  scopes: ConsentScope[];
  purpose: ConsentPurpose;
  purposeNote: string;
  lookbackMonths: number;
  grantedAt: Date;
  expiresAt: Date;
  expiresOn: string;
}

/** A grant as the owner's changes need it, locked. */
export interface LockedGrant {
  id: string;
  status: GrantStatus;
  recipient: ConsentRecipient;
  lenderId: string | null;
  scopes: ConsentScope[];
  lookbackMonths: number;
  expiresOn: string;
  /** Open (not revoked, replaced or recorded as expired), whatever its expires_at. */
  open: boolean;
}

export interface NewGrant {
  recipient: ConsentRecipient;
  lenderId: string | null;
  purpose: ConsentPurpose;
  purposeNote: string;
  scopes: ConsentScope[];
  lookbackMonths: number;
  expiresOn: string;
  grantedBy: string;
  replaces: string | null;
}

/** Consent grants and their history. Only ConsentService and ConsentGrantsService use it. */
@Injectable()
export class ConsentRepository {
  async businessExists(t: TenantTx): Promise<boolean> {
    return (await t.query(`SELECT 1 FROM businesses WHERE id = $1`, [t.businessId])).length > 0;
  }

  /**
   * The recipient's current grant for the access decision: the open one, else the latest.
   * Compared with clock_timestamp(), not the transaction's start, so a caller's long transaction
   * never stretches a grant past its end.
   */
  async current(t: TenantTx, lenderId: string | null): Promise<(GrantState & GrantTerms) | null> {
    const [row] = await t.query<GrantState & GrantTerms>(
      `SELECT g.id, g.version, g.scopes, g.revoked_at IS NOT NULL AS revoked, g.replaced_at IS NOT NULL AS replaced,
              (g.expired_at IS NOT NULL OR g.expires_at <= clock_timestamp()) AS expired,
              g.purpose, g.purpose_note AS "purposeNote", g.lookback_months AS "lookbackMonths",
              g.granted_at AS "grantedAt", g.expires_at AS "expiresAt", ${EXPIRES_ON} AS "expiresOn"
         FROM consent_grants g JOIN businesses b ON b.id = g.business_id
        WHERE g.business_id = $1 AND ${RECIPIENT_MATCH}
        ORDER BY (${OPEN}) DESC, g.granted_at DESC, g.id DESC
        LIMIT 1`,
      [t.businessId, lenderId],
    );
    return row ?? null;
  }

  private async lockWhere(t: TenantTx, where: string, params: unknown[]): Promise<LockedGrant | null> {
    const [row] = await t.query<LockedGrant>(
      `SELECT g.id, ${STATUS} AS status, g.recipient, g.lender_id AS "lenderId", g.scopes, g.lookback_months AS "lookbackMonths",
              ${EXPIRES_ON} AS "expiresOn", (${OPEN}) AS open
         FROM consent_grants g JOIN businesses b ON b.id = g.business_id
        WHERE g.business_id = $1 AND ${where}
        FOR UPDATE OF g`,
      [t.businessId, ...params],
    );
    return row ?? null;
  }

  lock(t: TenantTx, grantId: string): Promise<LockedGrant | null> {
    return this.lockWhere(t, `g.id = $2`, [grantId]);
  }

  /** The open grant to a recipient (at most one, by the unique index), locked. */
  lockOpen(t: TenantTx, lenderId: string | null): Promise<LockedGrant | null> {
    return this.lockWhere(t, `${RECIPIENT_MATCH} AND ${OPEN}`, [lenderId]);
  }

  async insert(t: TenantTx, g: NewGrant): Promise<string> {
    const [row] = await t.query<{ id: string }>(
      `INSERT INTO consent_grants (business_id, recipient, lender_id, purpose, purpose_note, scopes, lookback_months,
                                   granted_by, replaces, expires_at)
       SELECT b.id, $2, $3, $4, $5, $6, $7, $8, $9, ${endOfDay('$10')} FROM businesses b WHERE b.id = $1
       RETURNING id`,
      [t.businessId, g.recipient, g.lenderId, g.purpose, g.purposeNote, g.scopes, g.lookbackMonths, g.grantedBy, g.replaces, g.expiresOn],
    );
    return row.id;
  }

  async renew(t: TenantTx, grantId: string, expiresOn: string, userId: string): Promise<void> {
    await t.execute(
      `UPDATE consent_grants g SET expires_at = ${endOfDay('$3')}, renewed_at = now(), renewed_by = $4,
              renewal_count = g.renewal_count + 1, version = g.version + 1
         FROM businesses b WHERE b.id = g.business_id AND g.business_id = $1 AND g.id = $2`,
      [t.businessId, grantId, expiresOn, userId],
    );
  }

  async narrow(t: TenantTx, grantId: string, scopes: ConsentScope[], lookbackMonths: number): Promise<void> {
    await t.execute(
      `UPDATE consent_grants SET scopes = $3, lookback_months = $4, version = version + 1 WHERE business_id = $1 AND id = $2`,
      [t.businessId, grantId, scopes, lookbackMonths],
    );
  }

  async revoke(t: TenantTx, grantId: string, userId: string, reason: string): Promise<void> {
    await t.execute(
      `UPDATE consent_grants SET revoked_at = now(), revoked_by = $3, revoke_reason = $4, version = version + 1
        WHERE business_id = $1 AND id = $2`,
      [t.businessId, grantId, userId, reason],
    );
  }

  async markReplaced(t: TenantTx, grantId: string): Promise<void> {
    await t.execute(`UPDATE consent_grants SET replaced_at = now(), version = version + 1 WHERE business_id = $1 AND id = $2`, [
      t.businessId,
      grantId,
    ]);
  }

  /**
   * Records an expiry once: only an open grant whose time has run out changes, and a second
   * caller waits on the row lock, then finds it no longer open. False when there was nothing to do.
   */
  async markExpired(t: TenantTx, grantId: string): Promise<boolean> {
    const n = await t.execute(
      `UPDATE consent_grants g SET expired_at = now(), version = g.version + 1
        WHERE g.business_id = $1 AND g.id = $2 AND ${OPEN} AND g.expires_at <= now()`,
      [t.businessId, grantId],
    );
    return n === 1;
  }

  /** Appends the grant's terms as they now stand, as its current version. */
  async appendEvent(t: TenantTx, grantId: string, e: { kind: GrantEventKind; actorUserId: string | null; reason?: string; requestId: string | null }) {
    const [row] = await t.query<{ id: string; version: number }>(
      `INSERT INTO consent_grant_events (business_id, grant_id, version, kind, actor_user_id, scopes, lookback_months, expires_at, reason, request_id)
       SELECT business_id, id, version, $3, $4, scopes, lookback_months, expires_at, $5, $6
         FROM consent_grants WHERE business_id = $1 AND id = $2
       RETURNING id, version`,
      [t.businessId, grantId, e.kind, e.actorUserId, e.reason ?? '', e.requestId],
    );
    return row;
  }

  async get(t: TenantTx, grantId: string): Promise<ConsentGrantDto | null> {
    const [row] = await t.query<ConsentGrantDto & { cursorAt?: string }>(`${GRANT_SELECT} WHERE g.business_id = $1 AND g.id = $2`, [
      t.businessId,
      grantId,
    ]);
    if (!row) return null;
    delete row.cursorAt;
    return row;
  }

  list(t: TenantTx, q: { status?: GrantStatus | 'ended'; limit: number; cursor?: string }) {
    const after = decodeCursor(q.cursor);
    return t.query<ConsentGrantDto & { cursorAt: string }>(
      `${GRANT_SELECT}
        WHERE g.business_id = $1
          AND ($2::text IS NULL OR ${STATUS} = $2 OR ($2 = 'ended' AND ${STATUS} <> 'active'))
          AND ($3::timestamptz IS NULL OR (g.granted_at, g.id) < ($3::timestamptz, $4::uuid))
        ORDER BY g.granted_at DESC, g.id DESC LIMIT $5`,
      [t.businessId, q.status ?? null, after?.at ?? null, after?.id ?? null, q.limit + 1],
    );
  }

  history(t: TenantTx, grantId: string): Promise<ConsentGrantEventDto[]> {
    return t.query<ConsentGrantEventDto>(
      `SELECT e.id, e.version, e.kind,
              CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('id', u.id, 'name', u.name) END AS actor,
              e.scopes, e.lookback_months AS "lookbackMonths", e.expires_at AS "expiresAt",
              ((e.expires_at - interval '1 microsecond') AT TIME ZONE b.timezone)::date::text AS "expiresOn",
              e.reason, e.created_at AS "createdAt"
         FROM consent_grant_events e JOIN businesses b ON b.id = e.business_id LEFT JOIN users u ON u.id = e.actor_user_id
        WHERE e.business_id = $1 AND e.grant_id = $2
        ORDER BY e.version`,
      [t.businessId, grantId],
    );
  }

  /** The live grant to each recipient that has one (null key: Keeper pre-qualification). */
  async liveByRecipient(t: TenantTx): Promise<Map<string | null, string>> {
    const rows = await t.query<{ lenderId: string | null; id: string }>(
      `SELECT g.lender_id AS "lenderId", g.id FROM consent_grants g
        WHERE g.business_id = $1 AND ${OPEN} AND g.expires_at > now()`,
      [t.businessId],
    );
    return new Map(rows.map((r) => [r.lenderId, r.id]));
  }

  // Across businesses, through the SECURITY DEFINER functions (ids and the grants' own terms only).

  lenderLiveGrants(tx: Tx, lenderId: string, limit: number, after: { at: string; id: string } | null) {
    return tx.query<{ businessId: string; grantId: string; cursorAt: string }>(
      `SELECT business_id AS "businessId", grant_id AS "grantId", cursor_at AS "cursorAt"
         FROM lender_live_grants($1, $2, $3, $4)`,
      [lenderId, limit, after?.at ?? null, after?.id ?? null],
    );
  }

  async businessesWithLiveConsent(tx: Tx, limit: number, after: string | null): Promise<string[]> {
    const rows = await tx.query<{ businessId: string }>(
      `SELECT business_id AS "businessId" FROM businesses_with_live_consent($1, $2)`,
      [limit, after],
    );
    return rows.map((r) => r.businessId);
  }

  dueExpiries(tx: Tx, limit: number) {
    return tx.query<{ businessId: string; grantId: string }>(
      `SELECT business_id AS "businessId", grant_id AS "grantId" FROM due_consent_expiries($1)`,
      [limit],
    );
  }
}
