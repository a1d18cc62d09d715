import { Injectable } from '@nestjs/common';
import type { DocumentTotals } from '@keeper/invoicing';
import { decodeCursor } from '../../../common/pagination';
import type { TenantTx } from '../../../db/db';
import { likePattern } from '../../catalog/sorted-page';

export type BillStatus = 'draft' | 'open' | 'partially_paid' | 'paid' | 'void';

export interface BillHeader {
  seriesId: string;
  contactId: string;
  supplierReference: string;
  currency: string;
  billDate: string;
  dueDate: string;
  taxRounding: 'line' | 'document';
  notes: string;
}

export interface BillRow extends BillHeader {
  id: string;
  number: string | null;
  status: BillStatus;
  overdue: boolean;
  contactName: string;
  exchangeRate: string | null;
  subtotalMinor: string;
  taxMinor: string;
  totalMinor: string;
  paidMinor: string;
  journalEntryId: string | null;
  postedAt: Date | null;
  voidReason: string | null;
  createdAt: Date;
  cursorAt: string;
}

export interface BillLineValues {
  purchaseOrderLineId: string | null;
  productId: string | null;
  accountId: string | null;
  description: string;
  quantity: string;
  unitPriceMinor: bigint;
  taxRateId: string | null;
  taxRatePercent: string;
}

export interface BillLineRow {
  id: string;
  lineNo: number;
  purchaseOrderLineId: string | null;
  purchaseOrderId: string | null;
  purchaseOrderNumber: string | null;
  productId: string | null;
  sku: string | null;
  accountId: string | null;
  accountCode: string | null;
  accountName: string | null;
  description: string;
  quantity: string;
  unitPriceMinor: string;
  taxRateId: string | null;
  taxRatePercent: string;
  netMinor: string;
  taxMinor: string;
  totalMinor: string;
  grniMinor: string | null;
}

const BILL_COLUMNS = `b.id, b.series_id AS "seriesId", b.number, b.status,
  (b.status IN ('open', 'partially_paid') AND b.due_date < current_date) AS overdue,
  b.contact_id AS "contactId", c.name AS "contactName", b.supplier_reference AS "supplierReference", b.currency,
  b.exchange_rate::text AS "exchangeRate", b.bill_date::text AS "billDate", b.due_date::text AS "dueDate",
  b.tax_rounding AS "taxRounding", b.notes, b.subtotal_minor::text AS "subtotalMinor", b.tax_minor::text AS "taxMinor",
  b.total_minor::text AS "totalMinor", b.paid_minor::text AS "paidMinor", b.journal_entry_id AS "journalEntryId",
  b.posted_at AS "postedAt", b.void_reason AS "voidReason", b.created_at AS "createdAt", b.created_at::text AS "cursorAt"`;
const BILL_FROM = `bills b JOIN contacts c ON c.business_id = b.business_id AND c.id = b.contact_id`;

/** Supplier bills and their lines. */
@Injectable()
export class BillsRepository {
  async insert(t: TenantTx, h: BillHeader, totals: DocumentTotals, createdBy: string | null): Promise<string> {
    const [row] = await t.query<{ id: string }>(
      `INSERT INTO bills (business_id, series_id, contact_id, supplier_reference, currency, bill_date, due_date, tax_rounding,
         notes, subtotal_minor, tax_minor, total_minor, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [
        t.businessId, h.seriesId, h.contactId, h.supplierReference, h.currency, h.billDate, h.dueDate, h.taxRounding,
        h.notes, totals.subtotalMinor, totals.taxMinor, totals.totalMinor, createdBy,
      ],
    );
    return row.id;
  }

  async updateDraft(t: TenantTx, id: string, h: BillHeader, totals: DocumentTotals): Promise<void> {
    await t.execute(
      `UPDATE bills SET series_id = $3, contact_id = $4, supplier_reference = $5, currency = $6, bill_date = $7, due_date = $8,
         tax_rounding = $9, notes = $10, subtotal_minor = $11, tax_minor = $12, total_minor = $13, updated_at = now()
       WHERE business_id = $1 AND id = $2 AND status = 'draft'`,
      [
        t.businessId, id, h.seriesId, h.contactId, h.supplierReference, h.currency, h.billDate, h.dueDate, h.taxRounding,
        h.notes, totals.subtotalMinor, totals.taxMinor, totals.totalMinor,
      ],
    );
  }

  async replaceLines(t: TenantTx, billId: string, lines: BillLineValues[], totals: DocumentTotals): Promise<void> {
    await t.execute(`DELETE FROM bill_lines WHERE business_id = $1 AND bill_id = $2`, [t.businessId, billId]);
    for (const [i, l] of lines.entries()) {
      const tl = totals.lines[i];
      await t.execute(
        `INSERT INTO bill_lines (business_id, bill_id, line_no, purchase_order_line_id, product_id, account_id, description,
           quantity, unit_price_minor, tax_rate_id, tax_rate_percent, net_minor, tax_minor, total_minor)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
        [
          t.businessId, billId, i + 1, l.purchaseOrderLineId, l.productId, l.accountId, l.description, l.quantity,
          l.unitPriceMinor, l.taxRateId, l.taxRatePercent, tl.netMinor, tl.taxMinor, tl.totalMinor,
        ],
      );
    }
  }

  /** Whether another bill of the supplier (not void) already has this reference. */
  async referenceTaken(t: TenantTx, contactId: string, reference: string, exceptId: string | null): Promise<string | null> {
    const [row] = await t.query<{ label: string }>(
      `SELECT coalesce(number, 'a draft') AS label FROM bills
        WHERE business_id = $1 AND contact_id = $2 AND lower(supplier_reference) = lower($3) AND status <> 'void'
          AND ($4::uuid IS NULL OR id <> $4) LIMIT 1`,
      [t.businessId, contactId, reference, exceptId],
    );
    return row?.label ?? null;
  }

  async setGrni(t: TenantTx, lineId: string, grniMinor: bigint): Promise<void> {
    await t.execute(`UPDATE bill_lines SET grni_minor = $3 WHERE business_id = $1 AND id = $2`, [t.businessId, lineId, grniMinor]);
  }

  async markPosted(t: TenantTx, id: string, a: { number: string; exchangeRate: string; journalEntryId: string }): Promise<void> {
    await t.execute(
      `UPDATE bills SET status = 'open', number = $3, exchange_rate = $4, journal_entry_id = $5, posted_at = now(), updated_at = now()
        WHERE business_id = $1 AND id = $2 AND status = 'draft'`,
      [t.businessId, id, a.number, a.exchangeRate, a.journalEntryId],
    );
  }

  async markVoid(t: TenantTx, id: string, a: { date: string; reason: string }): Promise<void> {
    await t.execute(
      `UPDATE bills SET status = 'void', voided_at = now(), void_date = $3, void_reason = $4, updated_at = now()
        WHERE business_id = $1 AND id = $2`,
      [t.businessId, id, a.date, a.reason],
    );
  }

  async deleteDraft(t: TenantTx, id: string): Promise<void> {
    await t.execute(`DELETE FROM bills WHERE business_id = $1 AND id = $2 AND status = 'draft'`, [t.businessId, id]);
  }

  async get(t: TenantTx, id: string, opts: { lock?: boolean } = {}): Promise<BillRow | null> {
    const [row] = await t.query<BillRow>(
      `SELECT ${BILL_COLUMNS} FROM ${BILL_FROM} WHERE b.business_id = $1 AND b.id = $2 ${opts.lock ? 'FOR UPDATE OF b' : ''}`,
      [t.businessId, id],
    );
    return row ?? null;
  }

  async lines(t: TenantTx, billId: string): Promise<BillLineRow[]> {
    return t.query<BillLineRow>(
      `SELECT x.id, x.line_no AS "lineNo", x.purchase_order_line_id AS "purchaseOrderLineId", ol.purchase_order_id AS "purchaseOrderId",
              o.number AS "purchaseOrderNumber", x.product_id AS "productId", p.sku, x.account_id AS "accountId",
              a.code AS "accountCode", a.name AS "accountName", x.description, x.quantity::text AS quantity,
              x.unit_price_minor::text AS "unitPriceMinor", x.tax_rate_id AS "taxRateId", x.tax_rate_percent::text AS "taxRatePercent",
              x.net_minor::text AS "netMinor", x.tax_minor::text AS "taxMinor", x.total_minor::text AS "totalMinor",
              x.grni_minor::text AS "grniMinor"
         FROM bill_lines x
         LEFT JOIN purchase_order_lines ol ON ol.business_id = x.business_id AND ol.id = x.purchase_order_line_id
         LEFT JOIN purchase_orders o ON o.business_id = ol.business_id AND o.id = ol.purchase_order_id
         LEFT JOIN products p ON p.business_id = x.business_id AND p.id = x.product_id
         LEFT JOIN accounts a ON a.business_id = x.business_id AND a.id = x.account_id
        WHERE x.business_id = $1 AND x.bill_id = $2 ORDER BY x.line_no`,
      [t.businessId, billId],
    );
  }

  /** Quantities of order lines on draft bills (other than `exceptBillId`), so a new draft does not bill them again. */
  async draftedQuantities(t: TenantTx, orderLineIds: string[], exceptBillId: string | null): Promise<Map<string, string>> {
    const rows = await t.query<{ lineId: string; quantity: string }>(
      `SELECT x.purchase_order_line_id AS "lineId", sum(x.quantity)::text AS quantity
         FROM bill_lines x JOIN bills b ON b.business_id = x.business_id AND b.id = x.bill_id
        WHERE x.business_id = $1 AND x.purchase_order_line_id = ANY($2::uuid[]) AND b.status = 'draft'
          AND ($3::uuid IS NULL OR b.id <> $3)
        GROUP BY x.purchase_order_line_id`,
      [t.businessId, orderLineIds, exceptBillId],
    );
    return new Map(rows.map((r) => [r.lineId, r.quantity]));
  }

  async payments(
    t: TenantTx,
    billId: string,
  ): Promise<{ paymentId: string; date: string; method: string; reference: string; amountMinor: string; voided: boolean }[]> {
    return t.query(
      `SELECT p.id AS "paymentId", p.payment_date::text AS date, p.method, p.reference, a.amount_minor::text AS "amountMinor",
              p.status = 'void' AS voided
         FROM bill_payment_allocations a JOIN bill_payments p ON p.business_id = a.business_id AND p.id = a.payment_id
        WHERE a.business_id = $1 AND a.bill_id = $2 ORDER BY p.payment_date, p.created_at`,
      [t.businessId, billId],
    );
  }

  async list(
    t: TenantTx,
    f: { status?: string; contactId?: string; purchaseOrderId?: string; q?: string; limit: number; cursor?: string },
  ): Promise<BillRow[]> {
    const after = decodeCursor(f.cursor);
    const where = [`b.business_id = $1`];
    const params: unknown[] = [t.businessId];
    if (after) where.push(`(b.created_at, b.id) < ($${params.push(after.at)}::timestamptz, $${params.push(after.id)}::uuid)`);
    if (f.status === 'overdue') where.push(`b.status IN ('open', 'partially_paid') AND b.due_date < current_date`);
    else if (f.status === 'unpaid') where.push(`b.status IN ('open', 'partially_paid')`);
    else if (f.status) where.push(`b.status = $${params.push(f.status)}`);
    if (f.contactId) where.push(`b.contact_id = $${params.push(f.contactId)}`);
    if (f.purchaseOrderId) {
      where.push(`EXISTS (SELECT 1 FROM bill_lines x JOIN purchase_order_lines ol ON ol.business_id = x.business_id
        AND ol.id = x.purchase_order_line_id WHERE x.business_id = b.business_id AND x.bill_id = b.id
        AND ol.purchase_order_id = $${params.push(f.purchaseOrderId)})`);
    }
    if (f.q) {
      where.push(`(b.number ILIKE $${params.push(likePattern(f.q))} OR b.supplier_reference ILIKE $${params.length}
        OR c.name ILIKE $${params.length})`);
    }
    return t.query<BillRow>(
      `SELECT ${BILL_COLUMNS} FROM ${BILL_FROM} WHERE ${where.join(' AND ')}
        ORDER BY b.created_at DESC, b.id DESC LIMIT $${params.push(f.limit + 1)}`,
      params,
    );
  }
}
