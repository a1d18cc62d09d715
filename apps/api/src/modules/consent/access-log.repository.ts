import { Injectable } from '@nestjs/common';
import { decodeCursor } from '../../common/pagination';
import type { TenantTx } from '../../db/db';
import type { AccessLogEntryDto, AccessLogFilterDto } from './dto/consent.dto';
import type { ConsentAccessor, ConsentScope, RefusalReason } from './consent.types';

export interface AccessRecord {
  grantId: string | null;
  grantVersion: number | null;
  lenderId: string | null;
  accessor: ConsentAccessor;
  scope: ConsentScope | null;
  resource: string;
  refusal: RefusalReason | null;
  requestId: string | null;
}

const ENTRY_SELECT = `
  SELECT a.id, a.at,
         json_build_object('kind', CASE WHEN a.lender_id IS NULL THEN 'keeper_prequalification' ELSE 'lender' END,
                           'lender', CASE WHEN l.id IS NULL THEN NULL ELSE json_build_object('id', l.id, 'name', l.name) END) AS recipient,
         json_build_object('kind', a.accessor_kind,
                           'user', CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('id', u.id, 'name', u.name) END,
                           'apiKeyId', a.api_key_id) AS accessor,
         CASE WHEN g.id IS NULL THEN NULL
              ELSE json_build_object('id', g.id, 'version', a.grant_version, 'grantedAt', g.granted_at) END AS "grant",
         a.scope, a.resource, a.outcome,
         a.refusal_reason AS "refusalReason", a.request_id AS "requestId", a.at::text AS "cursorAt"
    FROM consent_access_log a
    LEFT JOIN lender_organisations l ON l.id = a.lender_id
    LEFT JOIN users u ON u.id = a.lender_user_id
    LEFT JOIN consent_grants g ON g.business_id = a.business_id AND g.id = a.grant_id`;

const FILTERS = `a.business_id = $1
   AND ($2::uuid IS NULL OR a.grant_id = $2) AND ($3::uuid IS NULL OR a.lender_id = $3)
   AND ($4::text IS NULL OR a.scope = $4) AND ($5::text IS NULL OR a.outcome = $5)`;

const filterParams = (t: TenantTx, f: AccessLogFilterDto) => [t.businessId, f.grantId ?? null, f.lenderId ?? null, f.scope ?? null, f.outcome ?? null];

/** The append-only log of every access from outside the business. */
@Injectable()
export class AccessLogRepository {
  async record(t: TenantTx, r: AccessRecord): Promise<void> {
    const a = r.accessor;
    await t.execute(
      `INSERT INTO consent_access_log (business_id, grant_id, grant_version, lender_id, accessor_kind, lender_user_id, api_key_id,
                                       scope, resource, outcome, refusal_reason, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        t.businessId,
        r.grantId,
        r.grantVersion,
        r.lenderId,
        a.kind,
        a.kind === 'lender_user' ? a.userId : null,
        a.kind === 'lender_api_key' ? a.apiKeyId : null,
        r.scope,
        r.resource.slice(0, 300),
        r.refusal ? 'refused' : 'allowed',
        r.refusal,
        r.requestId,
      ],
    );
  }

  /** Newest first, keyset over (at, id). */
  list(t: TenantTx, f: AccessLogFilterDto, page: { limit: number; cursor?: string }) {
    const after = decodeCursor(page.cursor);
    return t.query<AccessLogEntryDto & { cursorAt: string }>(
      `${ENTRY_SELECT}
        WHERE ${FILTERS} AND ($6::timestamptz IS NULL OR (a.at, a.id) < ($6::timestamptz, $7::uuid))
        ORDER BY a.at DESC, a.id DESC LIMIT $8`,
      [...filterParams(t, f), after?.at ?? null, after?.id ?? null, page.limit + 1],
    );
  }

  /** Everything the filters match, newest first, up to `limit` rows (an export is one file). */
  all(t: TenantTx, f: AccessLogFilterDto, limit: number) {
    return t.query<AccessLogEntryDto>(`${ENTRY_SELECT} WHERE ${FILTERS} ORDER BY a.at DESC, a.id DESC LIMIT $6`, [
      ...filterParams(t, f),
      limit,
    ]);
  }
}
