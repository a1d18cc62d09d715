import { Injectable, Logger } from '@nestjs/common';
import { committedModel, scoreRatios } from '@keeper/credit-model';
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { TenantTx } from '../../db/db';
import { LedgerService } from '../ledger/ledger.service';
import { OutboxService } from '../outbox/outbox.service';
import { CreditFactsRepository } from './credit-facts.repository';
import { modelRatios, operatingFeatures, policySignals, storeRatio, storeRatios } from './credit-features';
import { CreditProfilesRepository, type ProfileTrigger } from './credit-profiles.repository';

export interface ComputeResult {
  profileId: string;
  /** False when the profile came out exactly as the latest snapshot, which then stands. */
  created: boolean;
  /** False when more changes came in while computing (they are still pending). */
  cleared: boolean;
}

/**
 * Computes a business's credit profile: brings the facts up to date from the journal (only the
 * days of entries posted since the last run), derives the model ratios, operating features and
 * policy signals as of the business's today, scores the ratios with the committed model, and
 * appends a snapshot unless nothing changed.
 */
@Injectable()
export class CreditProfileService {
  private readonly log = new Logger('credit');

  constructor(
    private readonly facts: CreditFactsRepository,
    private readonly profiles: CreditProfilesRepository,
    private readonly ledger: LedgerService,
    private readonly outbox: OutboxService,
  ) {}

  /** The debounced recompute: does the pending work, and queues itself again if more came in meanwhile. */
  async recomputePending(t: TenantTx): Promise<ComputeResult | null> {
    await this.lock(t);
    const state = await this.profiles.state(t);
    // A repeated delivery, or the nightly run already covered it.
    if (!state?.pendingSince) return null;
    const result = await this.compute(t, state.pendingTrigger!);
    if (!result.cleared) await this.outbox.add(t, 'credit.recompute', { businessId: t.businessId });
    return result;
  }

  /** The nightly re-scoring of the business's new day, at most once per day (the run's unique key). */
  async nightly(t: TenantTx): Promise<ComputeResult | null> {
    const runId = await this.profiles.claimNightly(t, await this.ledger.today(t));
    if (!runId) return null;
    const result = await this.compute(t, 'nightly');
    await this.profiles.completeNightly(t, runId, result.profileId);
    return result;
  }

  async compute(t: TenantTx, trigger: ProfileTrigger): Promise<ComputeResult> {
    const started = performance.now();
    await this.lock(t);
    const state = await this.profiles.state(t);
    // Read before the facts: a change committed after this point is pending for the next run.
    const changes = state?.changes ?? '0';
    const head = await this.facts.journalHead(t);
    const through = BigInt(state?.factsThroughEntry ?? '0');
    if (head.entryNumber > through) {
      const days = await this.facts.touchedDays(t, through, head.entryNumber);
      if (days.length > 0) await this.facts.rebuildDays(t, days);
    }

    const asOf = await this.ledger.today(t);
    const currency = await this.ledger.baseCurrency(t);
    const aggregates = await this.facts.aggregates(t, asOf, currency);
    const ratios = modelRatios(aggregates);
    const decision = scoreRatios(committedModel(), ratios);
    const stored = {
      ratios: storeRatios(ratios),
      features: operatingFeatures(aggregates, currency),
      signals: policySignals(aggregates),
    };
    const fingerprint = createHash('sha256')
      .update(JSON.stringify({ modelVersion: decision.modelVersion, ...stored }))
      .digest('hex');

    const latest = await this.profiles.latest(t);
    let profileId: string;
    let created = false;
    if (latest && latest.fingerprint === fingerprint) {
      profileId = latest.id;
    } else {
      profileId = await this.profiles.insert(t, {
        asOf,
        currency,
        trigger,
        modelVersion: decision.modelVersion,
        score: decision.score,
        pd: String(decision.pd),
        grade: decision.grade,
        reasons: decision.reasons.map((r) => ({
          code: r.code,
          feature: r.feature,
          direction: r.direction,
          value: storeRatio(r.value),
          contribution: r.contribution,
          points: r.points,
          text: r.text,
        })),
        contributions: decision.contributions.map((c) => ({ feature: c.feature, value: storeRatio(c.value), contribution: c.contribution, points: c.points })),
        baselineLogit: decision.baselineLogit,
        ...stored,
        dataThrough: aggregates.lastEntryDate,
        dataRecordedAt: head.recordedAt,
        throughEntry: head.entryNumber.toString(),
        fingerprint,
        computationMs: Math.round(performance.now() - started),
      });
      created = true;
    }
    const cleared = await this.profiles.finish(t, { changes, throughEntry: head.entryNumber });
    this.log.log({ businessId: t.businessId, trigger, created, ms: Math.round(performance.now() - started) }, 'credit profile computed');
    return { profileId, created, cleared };
  }

  /** One computation per business at a time (held to the end of the transaction). */
  private async lock(t: TenantTx): Promise<void> {
    await t.query(`SELECT pg_advisory_xact_lock(hashtextextended('credit_profile:' || $1::text, 0))`, [t.businessId]);
  }
}
