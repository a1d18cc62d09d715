import { Injectable } from '@nestjs/common';
import { decodeCursor } from '../../common/pagination';
import type { TenantTx } from '../../db/db';
import type { OperatingFeatures, PolicySignals, StoredRatio } from './credit-features';
import type { RecomputeTrigger } from './credit-signals';

export type ProfileTrigger = RecomputeTrigger | 'nightly';

export interface StoredContribution {
  feature: string;
  value: StoredRatio;
  contribution: number;
  points: number;
}

export interface StoredReason extends StoredContribution {
  code: string;
  direction: 'low' | 'high' | 'missing';
  text: { en: string; 'zh-CN': string };
}

/** A credit profile snapshot as stored (immutable). */
export interface ProfileRecord {
  id: string;
  asOf: string;
  currency: string;
  trigger: ProfileTrigger;
  modelVersion: string;
  score: number;
  /** numeric(12,10) as text */
  pd: string;
  grade: 'A' | 'B' | 'C' | 'D' | 'E';
  reasons: StoredReason[];
  contributions: StoredContribution[];
  baselineLogit: number;
  ratios: Record<string, StoredRatio>;
  features: OperatingFeatures;
  signals: PolicySignals;
  dataThrough: string | null;
  dataRecordedAt: Date | null;
  throughEntry: string;
  fingerprint: string;
  computedAt: Date;
  computationMs: number;
}

export type NewProfile = Omit<ProfileRecord, 'id' | 'computedAt'>;

export interface ProfileState {
  changes: string;
  pendingSince: Date | null;
  pendingTrigger: RecomputeTrigger | null;
  factsThroughEntry: string;
  computedAt: Date | null;
  requestedAt: Date | null;
}

const PROFILE_COLUMNS = `p.id, p.as_of::text AS "asOf", p.currency, p.trigger, p.model_version AS "modelVersion", p.score,
  p.pd::text AS pd, p.grade, p.reasons, p.contributions, p.baseline_logit AS "baselineLogit", p.ratios, p.features, p.signals,
  p.data_through::text AS "dataThrough", p.data_recorded_at AS "dataRecordedAt", p.through_entry::text AS "throughEntry",
  p.fingerprint, p.computed_at AS "computedAt", p.computation_ms AS "computationMs"`;

/** Credit profile snapshots, the pipeline's per-business state, and the nightly runs. */
@Injectable()
export class CreditProfilesRepository {
  async state(t: TenantTx): Promise<ProfileState | null> {
    const [row] = await t.query<ProfileState>(
      `SELECT changes::text AS changes, pending_since AS "pendingSince", pending_trigger AS "pendingTrigger",
              facts_through_entry::text AS "factsThroughEntry", computed_at AS "computedAt", requested_at AS "requestedAt"
         FROM credit_profile_state WHERE business_id = $1`,
      [t.businessId],
    );
    return row ?? null;
  }

  /**
   * Records a finished recompute: how far the facts read the journal, and, if no change came in
   * since `changes` was read, that nothing is pending. Returns false when more changes are waiting.
   */
  async finish(t: TenantTx, seen: { changes: string; throughEntry: bigint }): Promise<boolean> {
    const update = () =>
      t.query<{ cleared: boolean }>(
        `UPDATE credit_profile_state
            SET facts_through_entry = greatest(facts_through_entry, $3::bigint), computed_at = now(),
                computed_changes = CASE WHEN changes = $2::bigint THEN $2::bigint ELSE computed_changes END,
                pending_since = CASE WHEN changes = $2::bigint THEN NULL ELSE pending_since END,
                pending_trigger = CASE WHEN changes = $2::bigint THEN NULL ELSE pending_trigger END
          WHERE business_id = $1
          RETURNING pending_since IS NULL AS cleared`,
        [t.businessId, seen.changes, seen.throughEntry.toString()],
      );
    let [row] = await update();
    if (!row) {
      // Books that never changed since the pipeline exists (a nightly run of old books): start their state.
      await t.execute(`INSERT INTO credit_profile_state (business_id) VALUES ($1) ON CONFLICT (business_id) DO NOTHING`, [t.businessId]);
      [row] = await update();
    }
    return row.cleared;
  }

  async markRequested(t: TenantTx): Promise<void> {
    await t.execute(`UPDATE credit_profile_state SET requested_at = now() WHERE business_id = $1`, [t.businessId]);
  }

  async insert(t: TenantTx, p: NewProfile): Promise<string> {
    const [row] = await t.query<{ id: string }>(
      `INSERT INTO credit_profiles (business_id, as_of, currency, trigger, model_version, score, pd, grade, reasons, contributions,
                                    baseline_logit, ratios, features, signals, data_through, data_recorded_at, through_entry,
                                    fingerprint, computation_ms)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
       RETURNING id`,
      [
        t.businessId,
        p.asOf,
        p.currency,
        p.trigger,
        p.modelVersion,
        p.score,
        p.pd,
        p.grade,
        JSON.stringify(p.reasons),
        JSON.stringify(p.contributions),
        p.baselineLogit,
        JSON.stringify(p.ratios),
        JSON.stringify(p.features),
        JSON.stringify(p.signals),
        p.dataThrough,
        p.dataRecordedAt,
        p.throughEntry,
        p.fingerprint,
        p.computationMs,
      ],
    );
    return row.id;
  }

  async latest(t: TenantTx): Promise<ProfileRecord | null> {
    const [row] = await t.query<ProfileRecord>(
      `SELECT ${PROFILE_COLUMNS} FROM credit_profiles p WHERE p.business_id = $1 ORDER BY p.computed_at DESC, p.id DESC LIMIT 1`,
      [t.businessId],
    );
    return row ?? null;
  }

  /** The score at the end of each day that has a snapshot, from `from` on (the history chart). */
  daily(t: TenantTx, from: string) {
    return t.query<{ day: string; score: number; grade: string; pd: string }>(
      `SELECT DISTINCT ON (p.as_of) p.as_of::text AS day, p.score, p.grade, p.pd::text AS pd
         FROM credit_profiles p WHERE p.business_id = $1 AND p.as_of >= $2::date
        ORDER BY p.as_of, p.computed_at DESC, p.id DESC`,
      [t.businessId, from],
    );
  }

  /** Snapshots newest first, keyset over (computed_at, id). */
  page(t: TenantTx, q: { limit: number; cursor?: string }) {
    const after = decodeCursor(q.cursor);
    return t.query<Pick<ProfileRecord, 'id' | 'asOf' | 'trigger' | 'modelVersion' | 'score' | 'pd' | 'grade' | 'dataThrough' | 'computedAt' | 'computationMs'> & { cursorAt: string }>(
      `SELECT p.id, p.as_of::text AS "asOf", p.trigger, p.model_version AS "modelVersion", p.score, p.pd::text AS pd, p.grade,
              p.data_through::text AS "dataThrough", p.computed_at AS "computedAt", p.computation_ms AS "computationMs",
              p.computed_at::text AS "cursorAt"
         FROM credit_profiles p
        WHERE p.business_id = $1 AND ($2::timestamptz IS NULL OR (p.computed_at, p.id) < ($2::timestamptz, $3::uuid))
        ORDER BY p.computed_at DESC, p.id DESC LIMIT $4`,
      [t.businessId, after?.at ?? null, after?.id ?? null, q.limit + 1],
    );
  }

  /** Claims the nightly run of `day`: false when it already ran (or runs now in another transaction, which this one waits for). */
  async claimNightly(t: TenantTx, day: string): Promise<string | null> {
    const [row] = await t.query<{ id: string }>(
      `INSERT INTO credit_nightly_runs (business_id, day) VALUES ($1, $2) ON CONFLICT (business_id, day) DO NOTHING RETURNING id`,
      [t.businessId, day],
    );
    return row?.id ?? null;
  }

  async completeNightly(t: TenantTx, runId: string, profileId: string): Promise<void> {
    await t.execute(`UPDATE credit_nightly_runs SET profile_id = $3 WHERE business_id = $1 AND id = $2`, [t.businessId, runId, profileId]);
  }
}
