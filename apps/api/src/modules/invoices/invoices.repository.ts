import { Injectable } from '@nestjs/common';
import type { DocumentTotals } from '@keeper/invoicing';
import { decodeCursor } from '../../common/pagination';
import { lowestOnOrAfter } from '../../common/running-balance';
import { TenantTx } from '../../db/db';
import { replaceDocumentLines, STORED_LINE_COLUMNS, type LineRow, type StoredLine } from './document-lines';

export type { LineRow, StoredLine } from './document-lines';

export interface InvoiceHeader {
  seriesId: string;
  contactId: string;
  currency: string;
  issueDate: string;
  dueDate: string;
  pricesIncludeTax: boolean;
  taxRounding: 'line' | 'document';
  notes: string;
  terms: string;
  createdBy: string;
}

export interface InvoiceRow {
  id: string;
  seriesId: string;
  number: string | null;
  status: 'draft' | 'issued' | 'partially_paid' | 'paid' | 'void';
  overdue: boolean;
  contactId: string;
  contactName: string;
  currency: string;
  exchangeRate: string | null;
  issueDate: string;
  dueDate: string;
  pricesIncludeTax: boolean;
  taxRounding: 'line' | 'document';
  notes: string;
  terms: string;
  subtotalMinor: string;
  discountMinor: string;
  taxMinor: string;
  totalMinor: string;
  paidMinor: string;
  creditedMinor: string;
  journalEntryId: string | null;
  issuedAt: Date | null;
  createdAt: Date;
  cursorAt: string;
}

/** Today where the business is (its time zone), as the ledger and the dashboard count it; not the database server's day. */
const BUSINESS_TODAY = `(SELECT (now() AT TIME ZONE b.timezone)::date FROM businesses b WHERE b.id = i.business_id)`;

const INVOICE_COLUMNS = `i.id, i.series_id AS "seriesId", i.number, i.status,
  (i.status IN ('issued', 'partially_paid') AND i.due_date < ${BUSINESS_TODAY}) AS overdue,
  i.contact_id AS "contactId", c.name AS "contactName", i.currency, i.exchange_rate::text AS "exchangeRate",
  i.issue_date::text AS "issueDate", i.due_date::text AS "dueDate", i.prices_include_tax AS "pricesIncludeTax",
  i.tax_rounding AS "taxRounding", i.notes, i.terms, i.subtotal_minor::text AS "subtotalMinor",
  i.discount_minor::text AS "discountMinor", i.tax_minor::text AS "taxMinor", i.total_minor::text AS "totalMinor",
  i.paid_minor::text AS "paidMinor", i.credited_minor::text AS "creditedMinor", i.journal_entry_id AS "journalEntryId",
  i.issued_at AS "issuedAt", i.created_at AS "createdAt", i.created_at::text AS "cursorAt"`;

/** Numbering series kinds, with the name and prefix of the default series created on first use. */
export const SERIES_DEFAULTS = {
  invoice: { name: 'Invoices', prefix: 'INV-' },
  credit_note: { name: 'Credit notes', prefix: 'CN-' },
  quote: { name: 'Quotes', prefix: 'Q-' },
  sales_order: { name: 'Sales orders', prefix: 'SO-' },
  delivery_note: { name: 'Delivery notes', prefix: 'DN-' },
} as const;
export type SeriesKind = keyof typeof SERIES_DEFAULTS;

@Injectable()
export class InvoicesRepository {
  /** The business's default series for a kind, created on first use. */
  async defaultSeries(t: TenantTx, kind: SeriesKind): Promise<string> {
    const [existing] = await t.query<{ id: string }>(
      `SELECT id FROM document_series WHERE business_id = $1 AND kind = $2 AND is_default`,
      [t.businessId, kind],
    );
    if (existing) return existing.id;
    const [created] = await t.query<{ id: string }>(
      `INSERT INTO document_series (business_id, kind, name, prefix, is_default) VALUES ($1, $2, $3, $4, true)
       ON CONFLICT (business_id, kind, name) DO UPDATE SET is_default = document_series.is_default RETURNING id`,
      [t.businessId, kind, SERIES_DEFAULTS[kind].name, SERIES_DEFAULTS[kind].prefix],
    );
    return created.id;
  }

  async seriesExists(t: TenantTx, seriesId: string, kind: SeriesKind): Promise<boolean> {
    const rows = await t.query(`SELECT 1 FROM document_series WHERE business_id = $1 AND id = $2 AND kind = $3`, [
      t.businessId,
      seriesId,
      kind,
    ]);
    return rows.length > 0;
  }

  /** Takes the next number of a series. The row lock is held to commit, so numbers stay gapless. */
  async takeNumber(t: TenantTx, seriesId: string): Promise<string> {
    const [row] = await t.query<{ prefix: string; padding: number; n: string }>(
      `UPDATE document_series SET next_number = next_number + 1 WHERE business_id = $1 AND id = $2
       RETURNING prefix, padding, (next_number - 1)::text AS n`,
      [t.businessId, seriesId],
    );
    return `${row.prefix}${row.n.padStart(row.padding, '0')}`;
  }

  async insert(t: TenantTx, h: InvoiceHeader, totals: DocumentTotals): Promise<string> {
    const [row] = await t.query<{ id: string }>(
      `INSERT INTO invoices (business_id, series_id, contact_id, currency, issue_date, due_date, prices_include_tax,
         tax_rounding, notes, terms, subtotal_minor, discount_minor, tax_minor, total_minor, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
      [
        t.businessId, h.seriesId, h.contactId, h.currency, h.issueDate, h.dueDate, h.pricesIncludeTax, h.taxRounding,
        h.notes, h.terms, totals.subtotalMinor, totals.discountMinor, totals.taxMinor, totals.totalMinor, h.createdBy,
      ],
    );
    return row.id;
  }

  async updateDraft(t: TenantTx, id: string, h: Omit<InvoiceHeader, 'createdBy'>, totals: DocumentTotals) {
    await t.execute(
      `UPDATE invoices SET series_id = $3, contact_id = $4, currency = $5, issue_date = $6, due_date = $7,
         prices_include_tax = $8, tax_rounding = $9, notes = $10, terms = $11, subtotal_minor = $12,
         discount_minor = $13, tax_minor = $14, total_minor = $15, updated_at = now()
       WHERE business_id = $1 AND id = $2 AND status = 'draft'`,
      [
        t.businessId, id, h.seriesId, h.contactId, h.currency, h.issueDate, h.dueDate, h.pricesIncludeTax, h.taxRounding,
        h.notes, h.terms, totals.subtotalMinor, totals.discountMinor, totals.taxMinor, totals.totalMinor,
      ],
    );
  }

  replaceLines(t: TenantTx, invoiceId: string, lines: LineRow[], totals: DocumentTotals): Promise<void> {
    return replaceDocumentLines(t, { table: 'invoice_lines', parentColumn: 'invoice_id' }, invoiceId, lines, totals);
  }

  async markIssued(t: TenantTx, id: string, a: { number: string; exchangeRate: string; journalEntryId: string }) {
    await t.execute(
      `UPDATE invoices SET status = 'issued', number = $3, exchange_rate = $4, journal_entry_id = $5, issued_at = now(),
         updated_at = now() WHERE business_id = $1 AND id = $2 AND status = 'draft'`,
      [t.businessId, id, a.number, a.exchangeRate, a.journalEntryId],
    );
  }

  /**
   * Moves an issued invoice's paid and credited amounts and derives its status from them
   * (issued → partially_paid → paid, and back when a refund takes money back). Callers hold the
   * row lock (get with lock) and check the balance first; CHECK (paid + credited <= total) is the
   * last wall. Returns false when the invoice is not open to payments (draft or void).
   */
  async applyToBalance(t: TenantTx, id: string, d: { paidMinor?: bigint; creditedMinor?: bigint }): Promise<boolean> {
    const n = await t.execute(
      `UPDATE invoices SET paid_minor = paid_minor + $3, credited_minor = credited_minor + $4,
         status = CASE WHEN paid_minor + $3 + credited_minor + $4 >= total_minor THEN 'paid'
                       WHEN paid_minor + $3 + credited_minor + $4 > 0 THEN 'partially_paid'
                       ELSE 'issued' END,
         updated_at = now()
       WHERE business_id = $1 AND id = $2 AND status IN ('issued', 'partially_paid', 'paid')`,
      [t.businessId, id, d.paidMinor ?? 0n, d.creditedMinor ?? 0n],
    );
    return n === 1;
  }

  /**
   * The lowest open balance (in the invoice currency) the invoice has on any day from `date` on,
   * counting payments applied and credit notes dated up to each day, and the first day it is
   * that low. A new payment or credit note dated `date` may take at most this much, or the invoice
   * would be over-settled as of that day. Reads the allocations and credit notes of the invoice:
   * they are what moves its balance.
   */
  async lowestOpenFrom(t: TenantTx, inv: { id: string; totalMinor: string }, date: string): Promise<{ openMinor: bigint; on: string }> {
    const low = await lowestOnOrAfter(
      t,
      `SELECT allocation_date AS d, -amount_minor AS delta FROM payment_allocations WHERE business_id = $1 AND invoice_id = $2
       UNION ALL
       SELECT issue_date, -total_minor FROM credit_notes WHERE business_id = $1 AND invoice_id = $2`,
      [t.businessId, inv.id],
      date,
    );
    return { openMinor: BigInt(inv.totalMinor) + low.change, on: low.on };
  }

  async markVoid(t: TenantTx, id: string, reason: string) {
    await t.execute(
      `UPDATE invoices SET status = 'void', voided_at = now(), void_reason = $3, updated_at = now()
        WHERE business_id = $1 AND id = $2`,
      [t.businessId, id, reason],
    );
  }

  async deleteDraft(t: TenantTx, id: string) {
    await t.execute(`DELETE FROM invoices WHERE business_id = $1 AND id = $2 AND status = 'draft'`, [t.businessId, id]);
  }

  async get(t: TenantTx, id: string, opts: { lock?: boolean } = {}): Promise<InvoiceRow | null> {
    const [row] = await t.query<InvoiceRow>(
      `SELECT ${INVOICE_COLUMNS} FROM invoices i JOIN contacts c ON c.business_id = i.business_id AND c.id = i.contact_id
        WHERE i.business_id = $1 AND i.id = $2 ${opts.lock ? 'FOR UPDATE OF i' : ''}`,
      [t.businessId, id],
    );
    return row ?? null;
  }

  /** The given invoices, in no particular order (ids of another business are simply not found). */
  byIds(t: TenantTx, ids: readonly string[]): Promise<InvoiceRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return t.query<InvoiceRow>(
      `SELECT ${INVOICE_COLUMNS} FROM invoices i JOIN contacts c ON c.business_id = i.business_id AND c.id = i.contact_id
        WHERE i.business_id = $1 AND i.id = ANY($2::uuid[])`,
      [t.businessId, ids],
    );
  }

  async lines(t: TenantTx, invoiceId: string): Promise<StoredLine[]> {
    return t.query<StoredLine>(
      `SELECT ${STORED_LINE_COLUMNS} FROM invoice_lines l WHERE l.business_id = $1 AND l.invoice_id = $2 ORDER BY l.line_no`,
      [t.businessId, invoiceId],
    );
  }

  async list(
    t: TenantTx,
    f: { status?: string; contactId?: string; q?: string; limit: number; cursor?: string },
  ): Promise<InvoiceRow[]> {
    const after = decodeCursor(f.cursor);
    return t.query<InvoiceRow>(
      `SELECT ${INVOICE_COLUMNS} FROM invoices i JOIN contacts c ON c.business_id = i.business_id AND c.id = i.contact_id
        WHERE i.business_id = $1
          AND ($2::timestamptz IS NULL OR (i.created_at, i.id) < ($2::timestamptz, $3::uuid))
          AND ($6::uuid IS NULL OR i.contact_id = $6)
          AND ($7::text IS NULL OR i.number ILIKE '%' || $7 || '%' OR c.name ILIKE '%' || $7 || '%')
          AND ($5::text IS NULL OR i.status = $5)
          AND (NOT $8::boolean OR (i.status IN ('issued', 'partially_paid') AND i.due_date < ${BUSINESS_TODAY}))
        ORDER BY i.created_at DESC, i.id DESC LIMIT $4`,
      [
        t.businessId,
        after?.at ?? null,
        after?.id ?? null,
        f.limit + 1,
        f.status && f.status !== 'overdue' ? f.status : null,
        f.contactId ?? null,
        f.q ? f.q.replace(/[\\%_]/g, (m) => `\\${m}`) : null,
        f.status === 'overdue',
      ],
    );
  }
}
