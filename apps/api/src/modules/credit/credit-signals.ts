import { Injectable } from '@nestjs/common';
import type { TenantTx } from '../../db/db';
import { OutboxService } from '../outbox/outbox.service';

/** Why a credit profile recompute was asked for; stored with the snapshot it produces. */
export type RecomputeTrigger = 'books_changed' | 'consent_granted' | 'owner_request';

/**
 * The one hook through which changes reach the credit pipeline, called inside the transaction of
 * the change. It marks the business's profile as pending in PostgreSQL (the system of record) and,
 * on the first change since the last recompute, writes one 'credit.recompute' outbox row. The
 * relay runs that job after its debounce delay; the job recomputes once for the whole burst, and
 * queues itself again if more changes came in while it ran. Nothing is lost if Redis is flushed:
 * the outbox row stays open until the recompute commits.
 */
@Injectable()
export class CreditSignals {
  constructor(private readonly outbox: OutboxService) {}

  /** Something in the journal changed (every posting goes through LedgerService, which calls this). */
  booksChanged(t: TenantTx): Promise<void> {
    return this.mark(t, 'books_changed');
  }

  /** A consent grant was given: the recipient should find a fresh profile. */
  consentGranted(t: TenantTx): Promise<void> {
    return this.mark(t, 'consent_granted');
  }

  /** A person asked for the profile to be brought up to date. */
  requested(t: TenantTx): Promise<void> {
    return this.mark(t, 'owner_request');
  }

  private async mark(t: TenantTx, trigger: RecomputeTrigger): Promise<void> {
    // FOR UPDATE returns the latest committed state (waiting for a recompute that is clearing it),
    // so "not pending" here really means this change starts a new burst. A second change in the
    // same transaction finds the first one's mark and adds no second outbox row.
    const state = async () =>
      (
        await t.query<{ pending: boolean }>(
          `SELECT pending_since IS NOT NULL AS pending FROM credit_profile_state WHERE business_id = $1 FOR UPDATE`,
          [t.businessId],
        )
      )[0];
    let current = await state();
    if (!current) {
      const created = await t.execute(
        `INSERT INTO credit_profile_state (business_id, changes, pending_since, pending_trigger)
         VALUES ($1, 1, now(), $2) ON CONFLICT (business_id) DO NOTHING`,
        [t.businessId, trigger],
      );
      if (created === 1) return this.queue(t);
      current = (await state())!;
    }
    await t.execute(
      `UPDATE credit_profile_state SET changes = changes + 1, pending_since = coalesce(pending_since, now()), pending_trigger = $2
        WHERE business_id = $1`,
      [t.businessId, trigger],
    );
    if (!current.pending) await this.queue(t);
  }

  private async queue(t: TenantTx): Promise<void> {
    await this.outbox.add(t, 'credit.recompute', { businessId: t.businessId });
  }
}
