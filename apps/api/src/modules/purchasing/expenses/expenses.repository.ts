import { Injectable } from '@nestjs/common';
import { decodeCursor } from '../../../common/pagination';
import type { TenantTx } from '../../../db/db';
import { likePattern } from '../../catalog/sorted-page';
import type { ExpensePaidFrom } from './dto/expense.dto';

export interface ExpenseRow {
  id: string;
  date: string;
  accountId: string;
  accountCode: string;
  accountName: string;
  contactId: string | null;
  contactName: string | null;
  payee: string;
  description: string;
  currency: string;
  exchangeRate: string;
  amountIncludesTax: boolean;
  taxRateId: string | null;
  taxRatePercent: string;
  netMinor: string;
  taxMinor: string;
  totalMinor: string;
  paidFrom: ExpensePaidFrom;
  dueDate: string;
  status: 'open' | 'partially_paid' | 'paid' | 'void';
  overdue: boolean;
  paidMinor: string;
  reference: string;
  journalEntryId: string;
  voidReason: string | null;
  hasReceipt: boolean;
  createdAt: Date;
  cursorAt: string;
}

export interface ExpenseValues {
  id: string;
  date: string;
  accountId: string;
  contactId: string | null;
  payee: string;
  description: string;
  currency: string;
  exchangeRate: string;
  amountIncludesTax: boolean;
  taxRateId: string | null;
  taxRatePercent: string;
  netMinor: bigint;
  taxMinor: bigint;
  totalMinor: bigint;
  paidFrom: ExpensePaidFrom;
  dueDate: string;
  reference: string;
  journalEntryId: string;
  createdBy: string | null;
}

const COLUMNS = `e.id, e.expense_date::text AS date, e.account_id AS "accountId", a.code AS "accountCode", a.name AS "accountName",
  e.contact_id AS "contactId", c.name AS "contactName", e.payee, e.description, e.currency, e.exchange_rate::text AS "exchangeRate",
  e.amount_includes_tax AS "amountIncludesTax", e.tax_rate_id AS "taxRateId", e.tax_rate_percent::text AS "taxRatePercent",
  e.net_minor::text AS "netMinor", e.tax_minor::text AS "taxMinor", e.total_minor::text AS "totalMinor", e.paid_from AS "paidFrom",
  e.due_date::text AS "dueDate", e.status, (e.status IN ('open', 'partially_paid') AND e.due_date < current_date) AS overdue,
  e.paid_minor::text AS "paidMinor", e.reference, e.journal_entry_id AS "journalEntryId", e.void_reason AS "voidReason",
  EXISTS (SELECT 1 FROM expense_receipts r WHERE r.business_id = e.business_id AND r.expense_id = e.id) AS "hasReceipt",
  e.created_at AS "createdAt", e.created_at::text AS "cursorAt"`;
const FROM = `expenses e
  JOIN accounts a ON a.business_id = e.business_id AND a.id = e.account_id
  LEFT JOIN contacts c ON c.business_id = e.business_id AND c.id = e.contact_id`;

/** Expenses and their receipt files. */
@Injectable()
export class ExpensesRepository {
  async insert(t: TenantTx, v: ExpenseValues): Promise<void> {
    const owed = v.paidFrom === 'accounts_payable';
    await t.execute(
      `INSERT INTO expenses (business_id, id, expense_date, account_id, contact_id, payee, description, currency, exchange_rate,
         amount_includes_tax, tax_rate_id, tax_rate_percent, net_minor, tax_minor, total_minor, paid_from, due_date, status,
         paid_minor, reference, journal_entry_id, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)`,
      [
        t.businessId, v.id, v.date, v.accountId, v.contactId, v.payee, v.description, v.currency, v.exchangeRate,
        v.amountIncludesTax, v.taxRateId, v.taxRatePercent, v.netMinor, v.taxMinor, v.totalMinor, v.paidFrom, v.dueDate,
        owed ? 'open' : 'paid', owed ? 0n : v.totalMinor, v.reference, v.journalEntryId, v.createdBy,
      ],
    );
  }

  async get(t: TenantTx, id: string, opts: { lock?: boolean } = {}): Promise<ExpenseRow | null> {
    const [row] = await t.query<ExpenseRow>(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE e.business_id = $1 AND e.id = $2 ${opts.lock ? 'FOR UPDATE OF e' : ''}`,
      [t.businessId, id],
    );
    return row ?? null;
  }

  async markVoid(t: TenantTx, id: string, a: { date: string; reason: string }): Promise<void> {
    await t.execute(
      `UPDATE expenses SET status = 'void', voided_at = now(), void_date = $3, void_reason = $4, updated_at = now()
        WHERE business_id = $1 AND id = $2`,
      [t.businessId, id, a.date, a.reason],
    );
  }

  async list(
    t: TenantTx,
    f: { status?: string; accountId?: string; contactId?: string; paidFrom?: string; from?: string; to?: string; q?: string; limit: number; cursor?: string },
  ): Promise<ExpenseRow[]> {
    const after = decodeCursor(f.cursor);
    const where = [`e.business_id = $1`];
    const params: unknown[] = [t.businessId];
    if (after) where.push(`(e.created_at, e.id) < ($${params.push(after.at)}::timestamptz, $${params.push(after.id)}::uuid)`);
    if (f.status === 'unpaid') where.push(`e.status IN ('open', 'partially_paid')`);
    else if (f.status) where.push(`e.status = $${params.push(f.status)}`);
    if (f.accountId) where.push(`e.account_id = $${params.push(f.accountId)}`);
    if (f.contactId) where.push(`e.contact_id = $${params.push(f.contactId)}`);
    if (f.paidFrom) where.push(`e.paid_from = $${params.push(f.paidFrom)}`);
    if (f.from) where.push(`e.expense_date >= $${params.push(f.from)}::date`);
    if (f.to) where.push(`e.expense_date <= $${params.push(f.to)}::date`);
    if (f.q) {
      where.push(`(e.payee ILIKE $${params.push(likePattern(f.q))} OR e.description ILIKE $${params.length} OR e.reference ILIKE $${params.length})`);
    }
    return t.query<ExpenseRow>(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE ${where.join(' AND ')}
        ORDER BY e.created_at DESC, e.id DESC LIMIT $${params.push(f.limit + 1)}`,
      params,
    );
  }

  async payments(t: TenantTx, expenseId: string): Promise<{ paymentId: string; date: string; amountMinor: string; voided: boolean }[]> {
    return t.query(
      `SELECT p.id AS "paymentId", p.payment_date::text AS date, a.amount_minor::text AS "amountMinor", p.status = 'void' AS voided
         FROM bill_payment_allocations a JOIN bill_payments p ON p.business_id = a.business_id AND p.id = a.payment_id
        WHERE a.business_id = $1 AND a.expense_id = $2 ORDER BY p.payment_date, p.created_at`,
      [t.businessId, expenseId],
    );
  }

  async receiptInfo(t: TenantTx, expenseId: string): Promise<{ fileName: string; contentType: string; size: number; uploadedAt: Date } | null> {
    const [row] = await t.query(
      `SELECT file_name AS "fileName", content_type AS "contentType", size, uploaded_at AS "uploadedAt"
         FROM expense_receipts WHERE business_id = $1 AND expense_id = $2`,
      [t.businessId, expenseId],
    );
    return row ?? null;
  }

  async receiptFile(t: TenantTx, expenseId: string): Promise<{ fileName: string; contentType: string; content: Buffer } | null> {
    const [row] = await t.query(
      `SELECT file_name AS "fileName", content_type AS "contentType", content FROM expense_receipts WHERE business_id = $1 AND expense_id = $2`,
      [t.businessId, expenseId],
    );
    return row ?? null;
  }

  /** Attaches a receipt, replacing the one there was. */
  async putReceipt(
    t: TenantTx,
    r: { expenseId: string; fileName: string; contentType: string; content: Buffer; sha256: Buffer; uploadedBy: string | null },
  ): Promise<void> {
    await t.execute(
      `INSERT INTO expense_receipts (business_id, expense_id, file_name, content_type, size, sha256, content, uploaded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (business_id, expense_id) DO UPDATE SET file_name = EXCLUDED.file_name, content_type = EXCLUDED.content_type,
         size = EXCLUDED.size, sha256 = EXCLUDED.sha256, content = EXCLUDED.content, uploaded_by = EXCLUDED.uploaded_by,
         uploaded_at = now()`,
      [t.businessId, r.expenseId, r.fileName, r.contentType, r.content.length, r.sha256, r.content, r.uploadedBy],
    );
  }

  async deleteReceipt(t: TenantTx, expenseId: string): Promise<number> {
    return t.execute(`DELETE FROM expense_receipts WHERE business_id = $1 AND expense_id = $2`, [t.businessId, expenseId]);
  }
}
