import { Injectable } from '@nestjs/common';
import { decodeCursor } from '../../common/pagination';
import { lowestOnOrAfter } from '../../common/running-balance';
import { TenantTx } from '../../db/db';
import type { DepositAccount, PaymentMethod } from './dto/payment.dto';

export interface PaymentListRow extends PaymentRow {
  /** Net amount applied to the invoice named by the list's invoiceId filter; null without it. */
  appliedToInvoiceMinor: string | null;
}

export interface PaymentRow {
  id: string;
  contactId: string;
  contactName: string;
  method: PaymentMethod;
  date: string;
  reference: string;
  notes: string;
  currency: string;
  exchangeRate: string;
  depositAccount: DepositAccount;
  amountMinor: string;
  appliedMinor: string;
  refundedMinor: string;
  journalEntryId: string | null;
  createdAt: Date;
  cursorAt: string;
}

export interface NewPayment {
  id: string;
  contactId: string;
  method: PaymentMethod;
  date: string;
  reference: string;
  notes: string;
  currency: string;
  exchangeRate: string;
  depositAccount: DepositAccount;
  amountMinor: bigint;
  journalEntryId: string;
  createdBy: string;
}

export interface AllocationRow {
  id: string;
  invoiceId: string;
  invoiceNumber: string;
  amountMinor: string;
  date: string;
  refundId: string | null;
  createdAt: Date;
}

export interface RefundRow {
  id: string;
  amountMinor: string;
  date: string;
  method: PaymentMethod;
  paidFrom: DepositAccount;
  reference: string;
  reason: string;
  createdAt: Date;
}

const PAYMENT_COLUMNS = `p.id, p.contact_id AS "contactId", c.name AS "contactName", p.method,
  p.payment_date::text AS date, p.reference, p.notes, p.currency, p.exchange_rate::text AS "exchangeRate",
  p.deposit_account AS "depositAccount", p.amount_minor::text AS "amountMinor", p.applied_minor::text AS "appliedMinor",
  p.refunded_minor::text AS "refundedMinor", p.journal_entry_id AS "journalEntryId", p.created_at AS "createdAt",
  p.created_at::text AS "cursorAt"`;

@Injectable()
export class PaymentsRepository {
  async insert(t: TenantTx, p: NewPayment): Promise<string> {
    const [row] = await t.query<{ id: string }>(
      `INSERT INTO payments (business_id, id, contact_id, method, payment_date, reference, notes, currency, exchange_rate,
         deposit_account, amount_minor, journal_entry_id, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [
        t.businessId, p.id, p.contactId, p.method, p.date, p.reference, p.notes, p.currency, p.exchangeRate,
        p.depositAccount, p.amountMinor, p.journalEntryId, p.createdBy,
      ],
    );
    return row.id;
  }

  async get(t: TenantTx, id: string, opts: { lock?: boolean } = {}): Promise<PaymentRow | null> {
    const [row] = await t.query<PaymentRow>(
      `SELECT ${PAYMENT_COLUMNS} FROM payments p JOIN contacts c ON c.business_id = p.business_id AND c.id = p.contact_id
        WHERE p.business_id = $1 AND p.id = $2 ${opts.lock ? 'FOR UPDATE OF p' : ''}`,
      [t.businessId, id],
    );
    return row ?? null;
  }

  /** Moves the applied and refunded totals; CHECK (applied + refunded <= amount) is the last wall. */
  async addToTotals(t: TenantTx, id: string, d: { appliedMinor?: bigint; refundedMinor?: bigint }): Promise<void> {
    await t.execute(
      `UPDATE payments SET applied_minor = applied_minor + $3, refunded_minor = refunded_minor + $4, updated_at = now()
        WHERE business_id = $1 AND id = $2`,
      [t.businessId, id, d.appliedMinor ?? 0n, d.refundedMinor ?? 0n],
    );
  }

  async insertAllocation(
    t: TenantTx,
    a: {
      id: string;
      paymentId: string;
      invoiceId: string;
      refundId: string | null;
      date: string;
      amountMinor: bigint;
      journalEntryId: string;
      createdBy: string;
    },
  ): Promise<void> {
    await t.execute(
      `INSERT INTO payment_allocations (business_id, id, payment_id, invoice_id, refund_id, allocation_date, amount_minor,
         journal_entry_id, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [t.businessId, a.id, a.paymentId, a.invoiceId, a.refundId, a.date, a.amountMinor, a.journalEntryId, a.createdBy],
    );
  }

  async insertRefund(
    t: TenantTx,
    r: {
      id: string;
      paymentId: string;
      date: string;
      amountMinor: bigint;
      method: PaymentMethod;
      paidFrom: DepositAccount;
      reference: string;
      reason: string;
      journalEntryId: string;
      createdBy: string;
    },
  ): Promise<void> {
    await t.execute(
      `INSERT INTO payment_refunds (business_id, id, payment_id, refund_date, amount_minor, method, paid_from, reference,
         reason, journal_entry_id, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        t.businessId, r.id, r.paymentId, r.date, r.amountMinor, r.method, r.paidFrom, r.reference, r.reason,
        r.journalEntryId, r.createdBy,
      ],
    );
  }

  /** Net amount of this payment applied to each invoice (allocations minus what refunds took back). */
  async appliedByInvoice(t: TenantTx, paymentId: string): Promise<Map<string, bigint>> {
    const rows = await t.query<{ invoiceId: string; minor: string }>(
      `SELECT invoice_id AS "invoiceId", sum(amount_minor)::text AS minor FROM payment_allocations
        WHERE business_id = $1 AND payment_id = $2 GROUP BY invoice_id`,
      [t.businessId, paymentId],
    );
    return new Map(rows.map((r) => [r.invoiceId, BigInt(r.minor)]));
  }

  /**
   * The lowest unapplied credit the payment has on any day from `date` (not before the payment
   * date) on, counting allocations and refunds dated up to each day. Applying or refunding more
   * than this on `date` would leave the customer's credit below zero on that day.
   */
  async lowestUnappliedFrom(t: TenantTx, p: { id: string; amountMinor: string }, date: string): Promise<{ unappliedMinor: bigint; on: string }> {
    const low = await lowestOnOrAfter(
      t,
      `SELECT allocation_date AS d, -amount_minor AS delta FROM payment_allocations WHERE business_id = $1 AND payment_id = $2
       UNION ALL
       SELECT refund_date, -amount_minor FROM payment_refunds WHERE business_id = $1 AND payment_id = $2`,
      [t.businessId, p.id],
      date,
    );
    return { unappliedMinor: BigInt(p.amountMinor) + low.change, on: low.on };
  }

  /** The lowest net amount of the payment applied to the invoice on any day from `date` on: the most a refund dated `date` can take back. */
  async lowestAppliedFrom(t: TenantTx, paymentId: string, invoiceId: string, date: string): Promise<{ appliedMinor: bigint; on: string }> {
    const low = await lowestOnOrAfter(
      t,
      `SELECT allocation_date AS d, amount_minor AS delta FROM payment_allocations
        WHERE business_id = $1 AND payment_id = $2 AND invoice_id = $3`,
      [t.businessId, paymentId, invoiceId],
      date,
    );
    return { appliedMinor: low.change, on: low.on };
  }

  async allocations(t: TenantTx, paymentId: string): Promise<AllocationRow[]> {
    return t.query<AllocationRow>(
      `SELECT a.id, a.invoice_id AS "invoiceId", i.number AS "invoiceNumber", a.amount_minor::text AS "amountMinor",
              a.allocation_date::text AS date, a.refund_id AS "refundId", a.created_at AS "createdAt"
         FROM payment_allocations a JOIN invoices i ON i.business_id = a.business_id AND i.id = a.invoice_id
        WHERE a.business_id = $1 AND a.payment_id = $2 ORDER BY a.created_at, a.id`,
      [t.businessId, paymentId],
    );
  }

  async refunds(t: TenantTx, paymentId: string): Promise<RefundRow[]> {
    return t.query<RefundRow>(
      `SELECT id, amount_minor::text AS "amountMinor", refund_date::text AS date, method, paid_from AS "paidFrom",
              reference, reason, created_at AS "createdAt"
         FROM payment_refunds WHERE business_id = $1 AND payment_id = $2 ORDER BY created_at, id`,
      [t.businessId, paymentId],
    );
  }

  async list(
    t: TenantTx,
    f: {
      contactId?: string;
      invoiceId?: string;
      method?: string;
      from?: string;
      to?: string;
      unapplied?: 'true' | 'false';
      limit: number;
      cursor?: string;
    },
  ): Promise<PaymentListRow[]> {
    const after = decodeCursor(f.cursor);
    return t.query<PaymentListRow>(
      `SELECT ${PAYMENT_COLUMNS},
              (SELECT sum(a.amount_minor)::text FROM payment_allocations a
                WHERE $10::uuid IS NOT NULL AND a.business_id = p.business_id AND a.payment_id = p.id AND a.invoice_id = $10
              ) AS "appliedToInvoiceMinor"
         FROM payments p JOIN contacts c ON c.business_id = p.business_id AND c.id = p.contact_id
        WHERE p.business_id = $1
          AND ($2::timestamptz IS NULL OR (p.created_at, p.id) < ($2::timestamptz, $3::uuid))
          AND ($5::uuid IS NULL OR p.contact_id = $5)
          AND ($6::text IS NULL OR p.method = $6)
          AND ($7::date IS NULL OR p.payment_date >= $7)
          AND ($8::date IS NULL OR p.payment_date <= $8)
          AND ($9::boolean IS NULL OR (p.applied_minor + p.refunded_minor < p.amount_minor) = $9)
          AND ($10::uuid IS NULL OR EXISTS (SELECT 1 FROM payment_allocations a
                WHERE a.business_id = p.business_id AND a.payment_id = p.id AND a.invoice_id = $10))
        ORDER BY p.created_at DESC, p.id DESC LIMIT $4`,
      [
        t.businessId,
        after?.at ?? null,
        after?.id ?? null,
        f.limit + 1,
        f.contactId ?? null,
        f.method ?? null,
        f.from ?? null,
        f.to ?? null,
        f.unapplied === undefined ? null : f.unapplied === 'true',
        f.invoiceId ?? null,
      ],
    );
  }
}
