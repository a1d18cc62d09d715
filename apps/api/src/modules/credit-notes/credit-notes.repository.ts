import { Injectable } from '@nestjs/common';
import type { DocumentTotals } from '@keeper/invoicing';
import { decodeCursor } from '../../common/pagination';
import { TenantTx } from '../../db/db';

export interface CreditNoteLineValues {
  description: string;
  quantity: string;
  unitPriceMinor: bigint;
  discountPercent: string;
  taxRateId: string | null;
  taxRatePercent: string;
}

export interface NewCreditNote {
  id: string;
  seriesId: string;
  number: string;
  invoiceId: string;
  contactId: string;
  currency: string;
  exchangeRate: string;
  date: string;
  reason: string;
  pricesIncludeTax: boolean;
  taxRounding: 'line' | 'document';
  journalEntryId: string;
  createdBy: string;
}

export interface CreditNoteRow {
  id: string;
  number: string;
  invoiceId: string;
  invoiceNumber: string;
  contactId: string;
  contactName: string;
  currency: string;
  exchangeRate: string;
  date: string;
  reason: string;
  pricesIncludeTax: boolean;
  taxRounding: 'line' | 'document';
  subtotalMinor: string;
  discountMinor: string;
  taxMinor: string;
  totalMinor: string;
  createdAt: Date;
  cursorAt: string;
}

export interface StoredCreditNoteLine {
  id: string;
  lineNo: number;
  description: string;
  quantity: string;
  unitPriceMinor: string;
  discountPercent: string;
  taxRateId: string | null;
  taxRatePercent: string;
  discountMinor: string;
  netMinor: string;
  taxMinor: string;
  totalMinor: string;
}

const COLUMNS = `n.id, n.number, n.invoice_id AS "invoiceId", i.number AS "invoiceNumber", n.contact_id AS "contactId",
  c.name AS "contactName", n.currency, n.exchange_rate::text AS "exchangeRate", n.issue_date::text AS date, n.reason,
  n.prices_include_tax AS "pricesIncludeTax", n.tax_rounding AS "taxRounding", n.subtotal_minor::text AS "subtotalMinor",
  n.discount_minor::text AS "discountMinor", n.tax_minor::text AS "taxMinor", n.total_minor::text AS "totalMinor",
  n.created_at AS "createdAt", n.created_at::text AS "cursorAt"`;
const FROM = `credit_notes n
  JOIN invoices i ON i.business_id = n.business_id AND i.id = n.invoice_id
  JOIN contacts c ON c.business_id = n.business_id AND c.id = n.contact_id`;

@Injectable()
export class CreditNotesRepository {
  async insert(t: TenantTx, n: NewCreditNote, lines: CreditNoteLineValues[], totals: DocumentTotals): Promise<void> {
    await t.execute(
      `INSERT INTO credit_notes (business_id, id, series_id, number, invoice_id, contact_id, currency, exchange_rate,
         issue_date, reason, prices_include_tax, tax_rounding, subtotal_minor, discount_minor, tax_minor, total_minor,
         journal_entry_id, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`,
      [
        t.businessId, n.id, n.seriesId, n.number, n.invoiceId, n.contactId, n.currency, n.exchangeRate, n.date, n.reason,
        n.pricesIncludeTax, n.taxRounding, totals.subtotalMinor, totals.discountMinor, totals.taxMinor, totals.totalMinor,
        n.journalEntryId, n.createdBy,
      ],
    );
    for (const [i, line] of lines.entries()) {
      const tl = totals.lines[i];
      await t.execute(
        `INSERT INTO credit_note_lines (business_id, credit_note_id, line_no, description, quantity, unit_price_minor,
           discount_percent, tax_rate_id, tax_rate_percent, discount_minor, net_minor, tax_minor, total_minor)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [
          t.businessId, n.id, i + 1, line.description, line.quantity, line.unitPriceMinor, line.discountPercent,
          line.taxRateId, line.taxRatePercent, tl.discountMinor, tl.netMinor, tl.taxMinor, tl.totalMinor,
        ],
      );
    }
  }

  async get(t: TenantTx, id: string): Promise<CreditNoteRow | null> {
    const [row] = await t.query<CreditNoteRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE n.business_id = $1 AND n.id = $2`, [
      t.businessId,
      id,
    ]);
    return row ?? null;
  }

  lines(t: TenantTx, creditNoteId: string): Promise<StoredCreditNoteLine[]> {
    return t.query<StoredCreditNoteLine>(
      `SELECT id, line_no AS "lineNo", description, quantity::text AS quantity, unit_price_minor::text AS "unitPriceMinor",
              discount_percent::text AS "discountPercent", tax_rate_id AS "taxRateId", tax_rate_percent::text AS "taxRatePercent",
              discount_minor::text AS "discountMinor", net_minor::text AS "netMinor", tax_minor::text AS "taxMinor",
              total_minor::text AS "totalMinor"
         FROM credit_note_lines WHERE business_id = $1 AND credit_note_id = $2 ORDER BY line_no`,
      [t.businessId, creditNoteId],
    );
  }

  list(t: TenantTx, f: { invoiceId?: string; contactId?: string; limit: number; cursor?: string }): Promise<CreditNoteRow[]> {
    const after = decodeCursor(f.cursor);
    return t.query<CreditNoteRow>(
      `SELECT ${COLUMNS} FROM ${FROM}
        WHERE n.business_id = $1
          AND ($2::timestamptz IS NULL OR (n.created_at, n.id) < ($2::timestamptz, $3::uuid))
          AND ($5::uuid IS NULL OR n.invoice_id = $5)
          AND ($6::uuid IS NULL OR n.contact_id = $6)
        ORDER BY n.created_at DESC, n.id DESC LIMIT $4`,
      [t.businessId, after?.at ?? null, after?.id ?? null, f.limit + 1, f.invoiceId ?? null, f.contactId ?? null],
    );
  }
}
