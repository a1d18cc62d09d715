import { Injectable } from '@nestjs/common';
import { FEATURE_DEFINITIONS, MIN_REASON_POINTS, referenceData, type AttrKey } from '@keeper/credit-model';
import { addDays } from '../../common/dates';
import { DomainError, notFound } from '../../common/errors';
import { pageOf } from '../../common/pagination';
import { Db } from '../../db/db';
import type { BusinessAccess, LenderAccess } from '../access/principal';
import { roleAllows } from '../access/permissions';
import { ConsentService } from '../consent/consent.service';
import { LedgerService } from '../ledger/ledger.service';
import { loadRatio, type StoredRatio } from './credit-features';
import { CreditProfilesRepository, type ProfileRecord, type ProfileState } from './credit-profiles.repository';
import { CreditSignals } from './credit-signals';
import type {
  CreditFactorDto,
  CreditHistoryDto,
  CreditHistoryQueryDto,
  CreditProfileDto,
  CreditProfileStatusDto,
  CreditProfileViewDto,
  CreditSnapshotPageDto,
  CreditSnapshotQueryDto,
  LenderCreditProfileDto,
  OwnerReasonDto,
  RatioValueDto,
} from './dto/credit.dto';

/** How each ratio reads best: a share as a percentage, days of sales, or a multiple. */
const UNITS: Partial<Record<AttrKey, 'percent' | 'days' | 'times'>> = {
  attr1: 'percent',
  attr35: 'percent',
  attr39: 'percent',
  attr2: 'percent',
  attr51: 'percent',
  attr3: 'percent',
  attr44: 'days',
  attr20: 'days',
};
const unitOf = (feature: string) => UNITS[feature as AttrKey] ?? 'times';

/** "Recompute now" at most this often per business. */
export const REFRESH_EVERY_SECONDS = 60;

const LENDER_RESOURCE = 'GET /api/lender/businesses/:businessId/profile';

function ratioValue(v: StoredRatio): RatioValueDto {
  const r = loadRatio(v);
  if (r === Infinity) return { value: null, limit: 'infinity' };
  if (r === -Infinity) return { value: null, limit: '-infinity' };
  return { value: r, limit: null };
}

const reference = (feature: string) => referenceData().features[feature as AttrKey] ?? null;

/** The credit profile as owners and, under consent, lenders read it. */
@Injectable()
export class CreditViewService {
  constructor(
    private readonly db: Db,
    private readonly profiles: CreditProfilesRepository,
    private readonly signals: CreditSignals,
    private readonly consent: ConsentService,
    private readonly ledger: LedgerService,
  ) {}

  view(access: BusinessAccess): Promise<CreditProfileViewDto> {
    return this.db.tenant(access.businessId, async (t) => {
      const [state, latest] = [await this.profiles.state(t), await this.profiles.latest(t)];
      const sharedWith = roleAllows(access.role, 'consent.read')
        ? (await this.consent.liveGrants(t)).map((g) => ({
            grantId: g.id,
            recipient: g.recipient,
            scopes: g.scopes,
            seesProfile: g.scopes.includes('profile'),
            expiresOn: g.expiresOn,
            lastAccessAt: g.lastAccessAt,
          }))
        : null;
      return {
        status: status(state),
        profile: latest ? ownerProfile(latest) : null,
        sharedWith,
        referenceCompanies: referenceData().dataset.notBankrupt,
      };
    });
  }

  /** Asks for a recompute now; at most once a minute per business (429 with Retry-After otherwise). */
  refresh(access: BusinessAccess): Promise<CreditProfileStatusDto> {
    return this.db.tenant(access.businessId, async (t) => {
      const available = status(await this.profiles.state(t)).refreshAvailableAt;
      if (available) {
        const seconds = Math.max(1, Math.ceil((available.getTime() - Date.now()) / 1000));
        throw new DomainError('RATE_LIMITED', `The profile was recomputed on request a moment ago; try again in ${seconds} seconds`, {
          retryAfterSeconds: seconds,
        });
      }
      await this.signals.requested(t);
      await this.profiles.markRequested(t);
      return status(await this.profiles.state(t));
    });
  }

  history(access: BusinessAccess, q: CreditHistoryQueryDto): Promise<CreditHistoryDto> {
    return this.db.tenant(access.businessId, async (t) => {
      const to = await this.ledger.today(t);
      const from = addDays(to, -((q.days ?? 365) - 1));
      const points = await this.profiles.daily(t, from);
      return { from, to, points: points.map((p) => ({ day: p.day, score: p.score, grade: p.grade as CreditProfileDto['grade'], pd: Number(p.pd) })) };
    });
  }

  snapshots(access: BusinessAccess, q: CreditSnapshotQueryDto): Promise<CreditSnapshotPageDto> {
    return this.db.tenant(access.businessId, async (t) => {
      const limit = q.limit ?? 25;
      const page = pageOf(await this.profiles.page(t, { limit, cursor: q.cursor }), limit);
      return { items: page.items.map((s) => ({ ...s, pd: Number(s.pd) })), nextCursor: page.nextCursor };
    });
  }

  /**
   * A lender's read of the latest profile: allowed only under a live grant with the `profile`
   * scope, and logged either way (ConsentService.authorize) before anything of the business is read.
   */
  lenderProfile(l: LenderAccess, businessId: string): Promise<LenderCreditProfileDto> {
    return this.db.tenant(businessId, async (t) => {
      const grant = await this.consent.authorize(t, {
        lenderId: l.lenderId,
        businessId,
        scope: 'profile',
        actor: { kind: 'lender_user', userId: l.userId },
        resource: LENDER_RESOURCE,
      });
      const latest = await this.profiles.latest(t);
      if (!latest) throw new DomainError('NOT_FOUND', 'The business has no credit profile yet; it is computed within minutes of its first bookkeeping');
      const [business] = await t.query<{ id: string; name: string }>(`SELECT id, name FROM businesses WHERE id = $1`, [businessId]);
      if (!business) throw notFound('Business');
      return {
        ...profileCore(latest),
        business,
        grantId: grant.id,
        reasons: latest.reasons.map((r) => ({
          code: r.code,
          feature: r.feature,
          direction: r.direction,
          points: r.points,
          text: r.text,
          ...ratioValue(r.value),
        })),
      };
    });
  }
}

function status(state: ProfileState | null): CreditProfileStatusDto {
  const requested = state?.requestedAt ?? null;
  const availableAt = requested ? new Date(requested.getTime() + REFRESH_EVERY_SECONDS * 1000) : null;
  return {
    pending: !!state?.pendingSince,
    pendingSince: state?.pendingSince ?? null,
    lastComputedAt: state?.computedAt ?? null,
    refreshAvailableAt: availableAt && availableAt.getTime() > Date.now() ? availableAt : null,
  };
}

function profileCore(p: ProfileRecord): CreditProfileDto {
  return {
    id: p.id,
    asOf: p.asOf,
    computedAt: p.computedAt,
    computationMs: p.computationMs,
    trigger: p.trigger,
    modelVersion: p.modelVersion,
    score: p.score,
    pd: Number(p.pd),
    grade: p.grade,
    dataFreshness: { dataThrough: p.dataThrough, recordedAt: p.dataRecordedAt },
  };
}

function ownerProfile(p: ProfileRecord) {
  const reasons: OwnerReasonDto[] = p.reasons.map((r) => ({
    code: r.code,
    feature: r.feature,
    direction: r.direction,
    points: r.points,
    text: r.text,
    unit: unitOf(r.feature),
    reference: reference(r.feature),
    ...ratioValue(r.value),
  }));
  const contributions = new Map(p.contributions.map((c) => [c.feature, c]));
  const factors: CreditFactorDto[] = FEATURE_DEFINITIONS.flatMap((f) => {
    const c = contributions.get(f.key);
    if (!c) return [];
    const effect: CreditFactorDto['effect'] = c.points >= MIN_REASON_POINTS ? 'helps' : c.points <= -MIN_REASON_POINTS ? 'hurts' : 'neutral';
    return [{ feature: f.key, code: f.code, name: f.name, unit: unitOf(f.key), monotone: f.monotone, points: c.points, effect, reference: reference(f.key), ...ratioValue(c.value) }];
  }).sort((a, b) => b.points - a.points);
  return { ...profileCore(p), reasons, factors, features: p.features, signals: p.signals };
}
