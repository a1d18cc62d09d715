import { Injectable } from '@nestjs/common';
import { csvFile, EXPORT_LIMIT } from '../../common/csv-export';
import { addDays } from '../../common/dates';
import { DomainError, notFound, validationFailed, type FieldError } from '../../common/errors';
import { pageOf } from '../../common/pagination';
import { Db, TenantTx } from '../../db/db';
import type { BusinessAccess } from '../access/principal';
import { isUniqueViolation } from '../catalog/pg-errors';
import { LenderOrganisationsRepository } from '../identity/lender-organisations.repository';
import { LedgerService } from '../ledger/ledger.service';
import { AccessLogRepository } from './access-log.repository';
import { ConsentHistory } from './consent-history';
import { ConsentRepository, type LockedGrant } from './consent.repository';
import { ConsentService } from './consent.service';
import { DEFAULT_GRANT_DAYS, MAX_GRANT_DAYS, sortScopes } from './consent.types';
import type {
  AccessLogFilterDto,
  AccessLogPageDto,
  AccessLogQueryDto,
  ConsentGrantDetailDto,
  ConsentGrantDto,
  ConsentGrantListQueryDto,
  ConsentGrantPageDto,
  ConsentRecipientListDto,
  CreateConsentGrantDto,
  NarrowConsentGrantDto,
  RecipientQueryDto,
  RenewConsentGrantDto,
  RevokeConsentGrantDto,
} from './dto/consent.dto';

const KEEPER_NAME = 'Keeper pre-qualification';

/**
 * The owner's side of consent: choosing a recipient, granting, renewing, narrowing and revoking,
 * and reading what was shared with whom. Each change is one transaction with its version, audit
 * event and outbox row (ConsentHistory).
 */
@Injectable()
export class ConsentGrantsService {
  constructor(
    private readonly db: Db,
    private readonly repo: ConsentRepository,
    private readonly accessLogs: AccessLogRepository,
    private readonly history: ConsentHistory,
    private readonly consent: ConsentService,
    private readonly lenders: LenderOrganisationsRepository,
    private readonly ledger: LedgerService,
  ) {}

  /** Keeper pre-qualification first, then the lender organisations by name, each with the live grant to it. */
  recipients(a: BusinessAccess, q: RecipientQueryDto): Promise<ConsentRecipientListDto> {
    return this.db.tenant(a.businessId, async (t) => {
      const live = await this.repo.liveByRecipient(t);
      const lenders = await this.lenders.list(t, { search: q.q, limit: 100 });
      return {
        items: [
          ...(q.q ? [] : [{ kind: 'keeper_prequalification' as const, lender: null, liveGrantId: live.get(null) ?? null }]),
          ...lenders.map((lender) => ({ kind: 'lender' as const, lender, liveGrantId: live.get(lender.id) ?? null })),
        ],
      };
    });
  }

  list(a: BusinessAccess, q: ConsentGrantListQueryDto): Promise<ConsentGrantPageDto> {
    const limit = q.limit ?? 25;
    return this.db.tenant(a.businessId, async (t) => pageOf(await this.repo.list(t, { status: q.status, limit, cursor: q.cursor }), limit));
  }

  get(a: BusinessAccess, grantId: string): Promise<ConsentGrantDetailDto> {
    return this.db.tenant(a.businessId, (t) => this.detail(t, grantId));
  }

  /**
   * A new consent act. A recipient has at most one open grant: sharing more with it (or again,
   * differently) replaces the open one, which the request must name, so two screens open at
   * once cannot silently replace each other's consent. An open grant whose time ran out is
   * recorded as expired first.
   */
  create(a: BusinessAccess, dto: CreateConsentGrantDto): Promise<ConsentGrantDetailDto> {
    return this.db.tenant(a.businessId, async (t) => {
      const lenderId = await this.checkRecipient(t, dto);
      const today = await this.ledger.today(t);
      const expiresOn = dto.expiresOn ?? addDays(today, DEFAULT_GRANT_DAYS);
      const problems = [...purposeProblems(dto), ...expiryProblems(expiresOn, today, null)];
      if (problems.length > 0) throw validationFailed(problems);

      let open = await this.repo.lockOpen(t, lenderId);
      if (open && open.status === 'expired' && (await this.consent.expire(t, open.id))) open = null;
      if (open && dto.replacesGrantId !== open.id) {
        throw new DomainError(
          'CONSENT_EXISTS',
          `You already share with ${lenderId ? 'this lender' : KEEPER_NAME}. Renew or narrow that consent, or replace it by naming it in replacesGrantId`,
        );
      }
      if (open) {
        await this.repo.markReplaced(t, open.id);
        await this.history.record(t, open.id, { kind: 'replaced', actorUserId: a.userId });
      }
      let id: string;
      try {
        id = await this.repo.insert(t, {
          recipient: dto.recipient,
          lenderId,
          purpose: dto.purpose,
          purposeNote: dto.purposeNote ?? '',
          scopes: sortScopes(dto.scopes),
          lookbackMonths: dto.lookbackMonths,
          expiresOn,
          grantedBy: a.userId,
          replaces: open?.id ?? null,
        });
      } catch (e) {
        // Another request granted to the same recipient between our check and our insert.
        if (isUniqueViolation(e, 'consent_grants_one_open')) {
          throw new DomainError('CONSENT_EXISTS', 'A consent to this recipient was just granted; reload to see it');
        }
        throw e;
      }
      await this.history.record(t, id, { kind: 'granted', actorUserId: a.userId });
      return this.detail(t, id);
    });
  }

  /**
   * Moves the last day of a live grant later: by 90 days (but never past a year from today), or
   * to a chosen day within a year.
   */
  renew(a: BusinessAccess, grantId: string, dto: RenewConsentGrantDto): Promise<ConsentGrantDetailDto> {
    return this.change(a, grantId, async (t, g) => {
      const today = await this.ledger.today(t);
      const latest = addDays(today, MAX_GRANT_DAYS);
      const extended = addDays(g.expiresOn, DEFAULT_GRANT_DAYS);
      const expiresOn = dto.expiresOn ?? (extended < latest ? extended : latest);
      const problems = expiryProblems(expiresOn, today, g.expiresOn);
      if (problems.length > 0) throw validationFailed(problems);
      await this.repo.renew(t, grantId, expiresOn, a.userId);
      return { kind: 'renewed' as const };
    });
  }

  /** Shares less, from now on: fewer scopes, a shorter lookback, or both. Sharing more is a new consent. */
  narrow(a: BusinessAccess, grantId: string, dto: NarrowConsentGrantDto): Promise<ConsentGrantDetailDto> {
    return this.change(a, grantId, async (t, g) => {
      const scopes = sortScopes(dto.scopes ?? g.scopes);
      const lookbackMonths = dto.lookbackMonths ?? g.lookbackMonths;
      const problems: FieldError[] = [];
      const added = scopes.filter((s) => !g.scopes.includes(s));
      if (added.length > 0) {
        problems.push({ field: 'scopes', code: 'widening', message: `can only remove what you share; to add ${added.join(', ')}, grant again` });
      }
      if (lookbackMonths > g.lookbackMonths) {
        problems.push({ field: 'lookbackMonths', code: 'widening', message: `can only be shortened (now ${g.lookbackMonths}); to go further back, grant again` });
      }
      if (problems.length === 0 && scopes.length === g.scopes.length && lookbackMonths === g.lookbackMonths) {
        problems.push({ field: 'scopes', code: 'unchanged', message: 'remove at least one thing, or shorten the lookback' });
      }
      if (problems.length > 0) throw validationFailed(problems);
      await this.repo.narrow(t, grantId, scopes, lookbackMonths);
      return { kind: 'narrowed' as const };
    });
  }

  /** Stops sharing at once: the next request of the recipient is refused. */
  revoke(a: BusinessAccess, grantId: string, dto: RevokeConsentGrantDto): Promise<ConsentGrantDetailDto> {
    return this.change(a, grantId, async (t) => {
      await this.repo.revoke(t, grantId, a.userId, dto.reason ?? '');
      return { kind: 'revoked' as const, reason: dto.reason };
    });
  }

  accessLog(a: BusinessAccess, q: AccessLogQueryDto): Promise<AccessLogPageDto> {
    const limit = q.limit ?? 50;
    return this.db.tenant(a.businessId, async (t) => pageOf(await this.accessLogs.list(t, q, { limit, cursor: q.cursor }), limit));
  }

  exportAccessLog(a: BusinessAccess, f: AccessLogFilterDto) {
    return this.db.tenant(a.businessId, async (t) => {
      const rows = await this.accessLogs.all(t, f, EXPORT_LIMIT);
      return csvFile(
        'access-log',
        await this.ledger.today(t),
        ['time', 'recipient', 'person', 'api_key', 'scope', 'resource', 'outcome', 'refusal_reason', 'grant_id', 'grant_version', 'request_id'],
        rows.map((r) => [
          new Date(r.at).toISOString(),
          r.recipient.lender?.name ?? KEEPER_NAME,
          r.accessor.user?.name ?? '',
          r.accessor.apiKeyId ?? '',
          r.scope ?? 'consent',
          r.resource,
          r.outcome,
          r.refusalReason ?? '',
          r.grant?.id ?? '',
          r.grant ? String(r.grant.version) : '',
          r.requestId ?? '',
        ]),
      );
    });
  }

  /** Locks a live grant, applies the change and records it; an ended grant cannot change. */
  private change(
    a: BusinessAccess,
    grantId: string,
    apply: (t: TenantTx, g: LockedGrant) => Promise<{ kind: 'renewed' | 'narrowed' | 'revoked'; reason?: string }>,
  ): Promise<ConsentGrantDetailDto> {
    return this.db.tenant(a.businessId, async (t) => {
      const g = await this.repo.lock(t, grantId);
      if (!g) throw notFound('Consent grant');
      if (g.status !== 'active') {
        throw new DomainError('CONSENT_ENDED', `This consent has ${g.status === 'replaced' ? 'been replaced' : g.status}; grant again to share`);
      }
      const change = await apply(t, g);
      await this.history.record(t, grantId, { kind: change.kind, actorUserId: a.userId, reason: change.reason });
      return this.detail(t, grantId);
    });
  }

  private async detail(t: TenantTx, grantId: string): Promise<ConsentGrantDetailDto> {
    const grant: ConsentGrantDto | null = await this.repo.get(t, grantId);
    if (!grant) throw notFound('Consent grant');
    return { ...grant, history: await this.repo.history(t, grantId) };
  }

  /** The lender id (null for Keeper), checked against the recipient kind. */
  private async checkRecipient(t: TenantTx, dto: CreateConsentGrantDto): Promise<string | null> {
    if (dto.recipient === 'keeper_prequalification') {
      const problems: FieldError[] = [];
      if (dto.lenderId) problems.push({ field: 'lenderId', code: 'not_allowed', message: 'must be empty for Keeper pre-qualification' });
      if (dto.purpose !== 'prequalification') {
        problems.push({ field: 'purpose', code: 'invalid_choice', message: 'must be prequalification for Keeper pre-qualification' });
      }
      if (problems.length > 0) throw validationFailed(problems);
      return null;
    }
    if (!dto.lenderId) throw validationFailed([{ field: 'lenderId', code: 'required', message: 'choose the lender to share with' }]);
    if (!(await this.lenders.get(t, dto.lenderId))) {
      throw validationFailed([{ field: 'lenderId', code: 'not_found', message: 'is not a lender organisation on Keeper' }]);
    }
    return dto.lenderId;
  }
}

function purposeProblems(dto: CreateConsentGrantDto): FieldError[] {
  return dto.purpose === 'other' && !dto.purposeNote
    ? [{ field: 'purposeNote', code: 'required', message: 'say in a few words why you share' }]
    : [];
}

/** The last day must be after today (and after the current one, when renewing) and within a year. */
function expiryProblems(expiresOn: string, today: string, current: string | null): FieldError[] {
  const latest = addDays(today, MAX_GRANT_DAYS);
  if (expiresOn <= today) return [{ field: 'expiresOn', code: 'too_small', message: 'must be after today' }];
  if (current && expiresOn <= current) {
    return [{ field: 'expiresOn', code: 'not_later', message: `must be later than the current last day, ${current}` }];
  }
  if (expiresOn > latest) return [{ field: 'expiresOn', code: 'too_large', message: `must be at most ${MAX_GRANT_DAYS} days from today (${latest})` }];
  return [];
}

