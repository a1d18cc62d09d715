import { Injectable } from '@nestjs/common';
import type { DocumentTotals } from '@keeper/invoicing';
import { decodeCursor } from '../../../common/pagination';
import type { TenantTx, Tx } from '../../../db/db';
import { replaceDocumentLines, STORED_LINE_COLUMNS, type LineRow, type StoredLine } from '../../invoices/document-lines';
import type { QuoteStatus } from './dto/quote.dto';

export interface QuoteHeader {
  contactId: string;
  currency: string;
  issueDate: string;
  validUntil: string;
  pricesIncludeTax: boolean;
  taxRounding: 'line' | 'document';
  notes: string;
  terms: string;
}

export interface QuoteRow extends QuoteHeader {
  id: string;
  number: string;
  /** As stored: draft, sent, accepted, declined. */
  storedStatus: 'draft' | 'sent' | 'accepted' | 'declined';
  /** As people see it: a sent quote past its validity date is expired. */
  status: QuoteStatus;
  /** Whether the validity date has passed (in the business's time zone). */
  lapsed: boolean;
  contactName: string;
  subtotalMinor: string;
  discountMinor: string;
  taxMinor: string;
  totalMinor: string;
  sentAt: Date | null;
  acceptedAt: Date | null;
  declinedAt: Date | null;
  declineReason: string | null;
  orderId: string | null;
  orderNumber: string | null;
  orderStatus: string | null;
  createdBy: string | null;
  createdAt: Date;
  cursorAt: string;
}

// A sent quote whose last valid day is behind the business's today is expired.
const TODAY = `(now() AT TIME ZONE b.timezone)::date`;
const COLUMNS = `q.id, q.number, q.status AS "storedStatus",
  CASE WHEN q.status = 'sent' AND q.valid_until < ${TODAY} THEN 'expired' ELSE q.status END AS status,
  (q.valid_until < ${TODAY}) AS lapsed,
  q.contact_id AS "contactId", c.name AS "contactName", q.currency, q.issue_date::text AS "issueDate",
  q.valid_until::text AS "validUntil", q.prices_include_tax AS "pricesIncludeTax", q.tax_rounding AS "taxRounding",
  q.notes, q.terms, q.subtotal_minor::text AS "subtotalMinor", q.discount_minor::text AS "discountMinor",
  q.tax_minor::text AS "taxMinor", q.total_minor::text AS "totalMinor", q.sent_at AS "sentAt", q.accepted_at AS "acceptedAt",
  q.declined_at AS "declinedAt", q.decline_reason AS "declineReason", o.id AS "orderId", o.number AS "orderNumber",
  o.status AS "orderStatus", q.created_by AS "createdBy", q.created_at AS "createdAt", q.created_at::text AS "cursorAt"`;
const FROM = `quotes q
  JOIN businesses b ON b.id = q.business_id
  JOIN contacts c ON c.business_id = q.business_id AND c.id = q.contact_id
  LEFT JOIN sales_orders o ON o.business_id = q.business_id AND o.quote_id = q.id`;

const LINES = { table: 'quote_lines', parentColumn: 'quote_id' } as const;

@Injectable()
export class QuotesRepository {
  async insert(t: TenantTx, h: QuoteHeader & { seriesId: string; number: string; createdBy: string }, totals: DocumentTotals) {
    const [row] = await t.query<{ id: string }>(
      `INSERT INTO quotes (business_id, series_id, number, contact_id, currency, issue_date, valid_until, prices_include_tax,
         tax_rounding, notes, terms, subtotal_minor, discount_minor, tax_minor, total_minor, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
      [
        t.businessId, h.seriesId, h.number, h.contactId, h.currency, h.issueDate, h.validUntil, h.pricesIncludeTax,
        h.taxRounding, h.notes, h.terms, totals.subtotalMinor, totals.discountMinor, totals.taxMinor, totals.totalMinor,
        h.createdBy,
      ],
    );
    return row.id;
  }

  /** Replaces the header; a sent quote that is revised goes back to draft (to be sent again). */
  async updateDraft(t: TenantTx, id: string, h: QuoteHeader, totals: DocumentTotals): Promise<void> {
    await t.execute(
      `UPDATE quotes SET status = 'draft', contact_id = $3, currency = $4, issue_date = $5, valid_until = $6,
         prices_include_tax = $7, tax_rounding = $8, notes = $9, terms = $10, subtotal_minor = $11, discount_minor = $12,
         tax_minor = $13, total_minor = $14, updated_at = now()
       WHERE business_id = $1 AND id = $2 AND status IN ('draft', 'sent')`,
      [
        t.businessId, id, h.contactId, h.currency, h.issueDate, h.validUntil, h.pricesIncludeTax, h.taxRounding, h.notes,
        h.terms, totals.subtotalMinor, totals.discountMinor, totals.taxMinor, totals.totalMinor,
      ],
    );
  }

  replaceLines(t: TenantTx, quoteId: string, lines: LineRow[], totals: DocumentTotals): Promise<void> {
    return replaceDocumentLines(t, LINES, quoteId, lines, totals);
  }

  lines(t: TenantTx, quoteId: string): Promise<StoredLine[]> {
    return t.query<StoredLine>(
      `SELECT ${STORED_LINE_COLUMNS} FROM quote_lines l WHERE l.business_id = $1 AND l.quote_id = $2 ORDER BY l.line_no`,
      [t.businessId, quoteId],
    );
  }

  async get(t: TenantTx, id: string, opts: { lock?: boolean } = {}): Promise<QuoteRow | null> {
    const [row] = await t.query<QuoteRow>(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE q.business_id = $1 AND q.id = $2 ${opts.lock ? 'FOR UPDATE OF q' : ''}`,
      [t.businessId, id],
    );
    return row ?? null;
  }

  async deleteDraft(t: TenantTx, id: string): Promise<void> {
    await t.execute(`DELETE FROM quotes WHERE business_id = $1 AND id = $2 AND status = 'draft'`, [t.businessId, id]);
  }

  async markSent(t: TenantTx, id: string): Promise<void> {
    await t.execute(
      `UPDATE quotes SET status = 'sent', sent_at = now(), updated_at = now()
        WHERE business_id = $1 AND id = $2 AND status IN ('draft', 'sent')`,
      [t.businessId, id],
    );
  }

  async markAccepted(t: TenantTx, id: string): Promise<void> {
    await t.execute(
      `UPDATE quotes SET status = 'accepted', accepted_at = now(), updated_at = now()
        WHERE business_id = $1 AND id = $2 AND status IN ('draft', 'sent')`,
      [t.businessId, id],
    );
  }

  async markDeclined(t: TenantTx, id: string, reason: string | null): Promise<void> {
    await t.execute(
      `UPDATE quotes SET status = 'declined', declined_at = now(), decline_reason = $3, updated_at = now()
        WHERE business_id = $1 AND id = $2 AND status IN ('draft', 'sent')`,
      [t.businessId, id, reason],
    );
  }

  list(t: TenantTx, f: { status?: QuoteStatus; contactId?: string; q?: string; limit: number; cursor?: string }): Promise<QuoteRow[]> {
    const after = decodeCursor(f.cursor);
    return t.query<QuoteRow>(
      `SELECT ${COLUMNS} FROM ${FROM}
        WHERE q.business_id = $1
          AND ($2::timestamptz IS NULL OR (q.created_at, q.id) < ($2::timestamptz, $3::uuid))
          AND ($5::text IS NULL
               OR ($5 = 'expired' AND q.status = 'sent' AND q.valid_until < ${TODAY})
               OR ($5 = 'sent' AND q.status = 'sent' AND q.valid_until >= ${TODAY})
               OR ($5 NOT IN ('sent', 'expired') AND q.status = $5))
          AND ($6::uuid IS NULL OR q.contact_id = $6)
          AND ($7::text IS NULL OR q.number ILIKE '%' || $7 || '%' OR c.name ILIKE '%' || $7 || '%')
        ORDER BY q.created_at DESC, q.id DESC LIMIT $4`,
      [
        t.businessId,
        after?.at ?? null,
        after?.id ?? null,
        f.limit + 1,
        f.status ?? null,
        f.contactId ?? null,
        f.q ? f.q.replace(/[\\%_]/g, (m) => `\\${m}`) : null,
      ],
    );
  }

  // ---- sending and the public link ----

  async insertSend(t: TenantTx, s: { quoteId: string; toEmail: string; message: string; requestedBy: string }) {
    const [row] = await t.query<{ id: string; requestedAt: Date }>(
      `INSERT INTO quote_sends (business_id, quote_id, to_email, message, requested_by) VALUES ($1, $2, $3, $4, $5)
       RETURNING id, requested_at AS "requestedAt"`,
      [t.businessId, s.quoteId, s.toEmail, s.message, s.requestedBy],
    );
    return row;
  }

  sends(t: TenantTx, quoteId: string) {
    return t.query<{ id: string; to: string; requestedAt: Date; sentAt: Date | null }>(
      `SELECT id, to_email AS "to", requested_at AS "requestedAt", sent_at AS "sentAt" FROM quote_sends
        WHERE business_id = $1 AND quote_id = $2 ORDER BY requested_at DESC, id DESC LIMIT 20`,
      [t.businessId, quoteId],
    );
  }

  /** Row lock: a duplicate delivery of the email job waits here, then sees sent_at and stops. */
  async lockSend(t: TenantTx, sendId: string) {
    const [row] = await t.query<{ id: string; quoteId: string; toEmail: string; message: string; requestedBy: string | null; sentAt: Date | null }>(
      `SELECT id, quote_id AS "quoteId", to_email AS "toEmail", message, requested_by AS "requestedBy", sent_at AS "sentAt"
         FROM quote_sends WHERE business_id = $1 AND id = $2 FOR UPDATE`,
      [t.businessId, sendId],
    );
    return row ?? null;
  }

  async markSendDone(t: TenantTx, sendId: string): Promise<void> {
    await t.execute(`UPDATE quote_sends SET sent_at = now() WHERE business_id = $1 AND id = $2`, [t.businessId, sendId]);
  }

  async registerLink(t: TenantTx, quoteId: string, tokenHash: Buffer): Promise<void> {
    await t.execute(
      `INSERT INTO quote_public_links (business_id, quote_id, token_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [t.businessId, quoteId, tokenHash],
    );
  }

  /** Across tenants, through a narrow SECURITY DEFINER function: the token is the credential. */
  async findByTokenHash(tx: Tx, tokenHash: Buffer): Promise<{ businessId: string; quoteId: string } | null> {
    const [row] = await tx.query(`SELECT business_id AS "businessId", quote_id AS "quoteId" FROM find_quote_by_token($1)`, [tokenHash]);
    return row ?? null;
  }
}
