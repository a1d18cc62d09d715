import { Injectable } from '@nestjs/common';
import { decodeCursor } from '../../../common/pagination';
import type { TenantTx } from '../../../db/db';
import { likePattern } from '../../catalog/sorted-page';

export type PayableKind = 'bill' | 'expense';

/** Something owed to a supplier: a posted bill or an expense recorded on account. */
export interface PayableRow {
  kind: PayableKind;
  id: string;
  /** The bill's number, or the expense's payee. */
  label: string;
  supplierReference: string;
  contactId: string;
  currency: string;
  exchangeRate: string;
  date: string;
  dueDate: string;
  status: string;
  totalMinor: string;
  paidMinor: string;
}

export interface BillPaymentRow {
  id: string;
  contactId: string;
  contactName: string;
  method: string;
  date: string;
  reference: string;
  notes: string;
  currency: string;
  exchangeRate: string;
  paidFrom: 'cash' | 'bank';
  amountMinor: string;
  status: 'posted' | 'void';
  journalEntryId: string;
  voidReason: string | null;
  createdAt: Date;
  cursorAt: string;
}

export interface AllocationRow {
  id: string;
  kind: PayableKind;
  documentId: string;
  label: string;
  amountMinor: string;
}

const PAYABLES = `
  SELECT 'bill' AS kind, b.id, coalesce(b.number, '') AS label, b.supplier_reference AS "supplierReference",
         b.contact_id AS "contactId", b.currency, b.exchange_rate::text AS "exchangeRate", b.bill_date::text AS date,
         b.due_date::text AS "dueDate", b.status, b.total_minor::text AS "totalMinor", b.paid_minor::text AS "paidMinor"
    FROM bills b WHERE b.business_id = $1 AND b.status <> 'draft'
  UNION ALL
  SELECT 'expense', e.id, e.payee, e.reference, e.contact_id, e.currency, e.exchange_rate::text, e.expense_date::text,
         e.due_date::text, e.status, e.total_minor::text, e.paid_minor::text
    FROM expenses e WHERE e.business_id = $1 AND e.paid_from = 'accounts_payable'`;

const PAYMENT_COLUMNS = `p.id, p.contact_id AS "contactId", c.name AS "contactName", p.method, p.payment_date::text AS date, p.reference,
  p.notes, p.currency, p.exchange_rate::text AS "exchangeRate", p.paid_from AS "paidFrom", p.amount_minor::text AS "amountMinor",
  p.status, p.journal_entry_id AS "journalEntryId", p.void_reason AS "voidReason", p.created_at AS "createdAt",
  p.created_at::text AS "cursorAt"`;

/** Bill payments, their allocations, and the payables (bills and on-account expenses) they settle. */
@Injectable()
export class BillPaymentsRepository {
  /** Locks the named payables, bills first then expenses, each in id order (so two payments never wait on each other in a cycle). */
  async lockPayables(t: TenantTx, refs: { kind: PayableKind; id: string }[]): Promise<Map<string, PayableRow>> {
    const ids = (kind: PayableKind) => [...new Set(refs.filter((r) => r.kind === kind).map((r) => r.id))].sort();
    await t.query(`SELECT 1 FROM bills WHERE business_id = $1 AND id = ANY($2::uuid[]) ORDER BY id FOR UPDATE`, [t.businessId, ids('bill')]);
    await t.query(`SELECT 1 FROM expenses WHERE business_id = $1 AND id = ANY($2::uuid[]) ORDER BY id FOR UPDATE`, [
      t.businessId,
      ids('expense'),
    ]);
    const rows = await t.query<PayableRow>(
      `SELECT * FROM (${PAYABLES}) x WHERE (x.kind = 'bill' AND x.id = ANY($2::uuid[])) OR (x.kind = 'expense' AND x.id = ANY($3::uuid[]))`,
      [t.businessId, ids('bill'), ids('expense')],
    );
    return new Map(rows.map((r) => [`${r.kind}:${r.id}`, r]));
  }

  /** What is owed to a supplier (optionally in one currency), oldest due first. */
  async open(t: TenantTx, contactId: string, currency: string | null): Promise<PayableRow[]> {
    return t.query<PayableRow>(
      `SELECT * FROM (${PAYABLES}) x WHERE x."contactId" = $2 AND x.status IN ('open', 'partially_paid')
          AND ($3::text IS NULL OR x.currency = $3)
        ORDER BY x."dueDate", x.date, x.kind, x.label, x.id`,
      [t.businessId, contactId, currency],
    );
  }

  /** Moves a payable's paid amount (negative when a payment is voided) and derives its status. */
  async applyPaid(t: TenantTx, kind: PayableKind, id: string, deltaMinor: bigint): Promise<void> {
    const table = kind === 'bill' ? 'bills' : 'expenses';
    await t.execute(
      `UPDATE ${table} SET paid_minor = paid_minor + $3,
         status = CASE WHEN paid_minor + $3 >= total_minor THEN 'paid' WHEN paid_minor + $3 > 0 THEN 'partially_paid' ELSE 'open' END,
         updated_at = now()
       WHERE business_id = $1 AND id = $2 AND status IN ('open', 'partially_paid', 'paid')`,
      [t.businessId, id, deltaMinor],
    );
  }

  async insert(
    t: TenantTx,
    p: {
      id: string;
      contactId: string;
      method: string;
      date: string;
      reference: string;
      notes: string;
      currency: string;
      exchangeRate: string;
      paidFrom: string;
      amountMinor: bigint;
      journalEntryId: string;
      createdBy: string | null;
      allocations: { kind: PayableKind; id: string; amountMinor: bigint }[];
    },
  ): Promise<void> {
    await t.execute(
      `INSERT INTO bill_payments (business_id, id, contact_id, method, payment_date, reference, notes, currency, exchange_rate,
         paid_from, amount_minor, journal_entry_id, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        t.businessId, p.id, p.contactId, p.method, p.date, p.reference, p.notes, p.currency, p.exchangeRate, p.paidFrom,
        p.amountMinor, p.journalEntryId, p.createdBy,
      ],
    );
    for (const a of p.allocations) {
      await t.execute(
        `INSERT INTO bill_payment_allocations (business_id, payment_id, bill_id, expense_id, amount_minor) VALUES ($1, $2, $3, $4, $5)`,
        [t.businessId, p.id, a.kind === 'bill' ? a.id : null, a.kind === 'expense' ? a.id : null, a.amountMinor],
      );
    }
  }

  async markVoid(t: TenantTx, id: string, a: { date: string; reason: string }): Promise<void> {
    await t.execute(
      `UPDATE bill_payments SET status = 'void', voided_at = now(), void_date = $3, void_reason = $4, updated_at = now()
        WHERE business_id = $1 AND id = $2`,
      [t.businessId, id, a.date, a.reason],
    );
  }

  async get(t: TenantTx, id: string, opts: { lock?: boolean } = {}): Promise<BillPaymentRow | null> {
    const [row] = await t.query<BillPaymentRow>(
      `SELECT ${PAYMENT_COLUMNS} FROM bill_payments p JOIN contacts c ON c.business_id = p.business_id AND c.id = p.contact_id
        WHERE p.business_id = $1 AND p.id = $2 ${opts.lock ? 'FOR UPDATE OF p' : ''}`,
      [t.businessId, id],
    );
    return row ?? null;
  }

  async allocations(t: TenantTx, paymentId: string): Promise<AllocationRow[]> {
    return t.query<AllocationRow>(
      `SELECT a.id, CASE WHEN a.bill_id IS NOT NULL THEN 'bill' ELSE 'expense' END AS kind,
              coalesce(a.bill_id, a.expense_id) AS "documentId", coalesce(b.number, e.payee) AS label, a.amount_minor::text AS "amountMinor"
         FROM bill_payment_allocations a
         LEFT JOIN bills b ON b.business_id = a.business_id AND b.id = a.bill_id
         LEFT JOIN expenses e ON e.business_id = a.business_id AND e.id = a.expense_id
        WHERE a.business_id = $1 AND a.payment_id = $2 ORDER BY a.id`,
      [t.businessId, paymentId],
    );
  }

  async list(
    t: TenantTx,
    f: { contactId?: string; method?: string; from?: string; to?: string; q?: string; status?: string; limit: number; cursor?: string },
  ): Promise<BillPaymentRow[]> {
    const after = decodeCursor(f.cursor);
    const where = [`p.business_id = $1`];
    const params: unknown[] = [t.businessId];
    if (after) where.push(`(p.created_at, p.id) < ($${params.push(after.at)}::timestamptz, $${params.push(after.id)}::uuid)`);
    if (f.contactId) where.push(`p.contact_id = $${params.push(f.contactId)}`);
    if (f.method) where.push(`p.method = $${params.push(f.method)}`);
    if (f.status) where.push(`p.status = $${params.push(f.status)}`);
    if (f.from) where.push(`p.payment_date >= $${params.push(f.from)}::date`);
    if (f.to) where.push(`p.payment_date <= $${params.push(f.to)}::date`);
    if (f.q) where.push(`(p.reference ILIKE $${params.push(likePattern(f.q))} OR c.name ILIKE $${params.length})`);
    return t.query<BillPaymentRow>(
      `SELECT ${PAYMENT_COLUMNS} FROM bill_payments p JOIN contacts c ON c.business_id = p.business_id AND c.id = p.contact_id
        WHERE ${where.join(' AND ')} ORDER BY p.created_at DESC, p.id DESC LIMIT $${params.push(f.limit + 1)}`,
      params,
    );
  }
}
