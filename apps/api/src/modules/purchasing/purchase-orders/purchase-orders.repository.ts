import { Injectable } from '@nestjs/common';
import type { DocumentTotals } from '@keeper/invoicing';
import { decodeCursor } from '../../../common/pagination';
import type { TenantTx } from '../../../db/db';
import { likePattern } from '../../catalog/sorted-page';

export const PURCHASE_ORDER_STATUSES = ['draft', 'ordered', 'partially_received', 'received', 'closed', 'cancelled'] as const;
export type PurchaseOrderStatus = (typeof PURCHASE_ORDER_STATUSES)[number];

export interface PurchaseOrderHeader {
  seriesId: string;
  contactId: string;
  currency: string;
  orderDate: string;
  expectedDate: string | null;
  locationId: string;
  taxRounding: 'line' | 'document';
  notes: string;
}

export interface PurchaseOrderRow extends PurchaseOrderHeader {
  id: string;
  number: string | null;
  status: PurchaseOrderStatus;
  contactName: string;
  contactEmail: string | null;
  locationName: string;
  exchangeRate: string | null;
  subtotalMinor: string;
  taxMinor: string;
  totalMinor: string;
  orderedAt: Date | null;
  closedAt: Date | null;
  closeReason: string | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
  createdAt: Date;
  cursorAt: string;
  /** Derived over the lines: how much of the order has arrived and been billed. */
  receivedLines: number;
  lineCount: number;
  billedFully: boolean;
}

/** A line as the service writes it. */
export interface OrderLineValues {
  productId: string | null;
  description: string;
  quantity: string;
  unitCostMinor: bigint;
  taxRateId: string | null;
  taxRatePercent: string;
  stocked: boolean;
  accountId: string | null;
}

export interface OrderLineRow {
  id: string;
  purchaseOrderId: string;
  lineNo: number;
  productId: string | null;
  productSku: string | null;
  productUnit: string | null;
  description: string;
  quantity: string;
  unitCostMinor: string;
  taxRateId: string | null;
  taxRatePercent: string;
  netMinor: string;
  taxMinor: string;
  totalMinor: string;
  stocked: boolean;
  accountId: string | null;
  accountCode: string | null;
  accountName: string | null;
  receivedQuantity: string;
  receivedValueMinor: string;
  billedQuantity: string;
  billedGrniMinor: string;
}

export interface ReceiptRow {
  id: string;
  date: string;
  locationId: string;
  locationName: string;
  reference: string;
  notes: string;
  stockOperationId: string;
  journalEntryId: string | null;
  createdAt: Date;
  lines: { purchaseOrderLineId: string; quantity: string; valueMinor: string }[];
}

const ORDER_COLUMNS = `o.id, o.series_id AS "seriesId", o.number, o.status, o.contact_id AS "contactId", c.name AS "contactName",
  c.email AS "contactEmail", o.currency, o.exchange_rate::text AS "exchangeRate", o.order_date::text AS "orderDate",
  o.expected_date::text AS "expectedDate", o.location_id AS "locationId", l.name AS "locationName",
  o.tax_rounding AS "taxRounding", o.notes, o.subtotal_minor::text AS "subtotalMinor", o.tax_minor::text AS "taxMinor",
  o.total_minor::text AS "totalMinor", o.ordered_at AS "orderedAt", o.closed_at AS "closedAt", o.close_reason AS "closeReason",
  o.cancelled_at AS "cancelledAt", o.cancel_reason AS "cancelReason", o.created_at AS "createdAt", o.created_at::text AS "cursorAt",
  (SELECT count(*)::int FROM purchase_order_lines x WHERE x.business_id = o.business_id AND x.purchase_order_id = o.id
      AND x.received_quantity > 0) AS "receivedLines",
  (SELECT count(*)::int FROM purchase_order_lines x WHERE x.business_id = o.business_id AND x.purchase_order_id = o.id) AS "lineCount",
  NOT EXISTS (SELECT 1 FROM purchase_order_lines x WHERE x.business_id = o.business_id AND x.purchase_order_id = o.id
      AND x.billed_quantity < x.quantity) AS "billedFully"`;
const ORDER_FROM = `purchase_orders o
  JOIN contacts c ON c.business_id = o.business_id AND c.id = o.contact_id
  JOIN locations l ON l.business_id = o.business_id AND l.id = o.location_id`;

const LINE_COLUMNS = `x.id, x.purchase_order_id AS "purchaseOrderId", x.line_no AS "lineNo", x.product_id AS "productId",
  p.sku AS "productSku", p.unit AS "productUnit", x.description, x.quantity::text AS quantity,
  x.unit_cost_minor::text AS "unitCostMinor", x.tax_rate_id AS "taxRateId", x.tax_rate_percent::text AS "taxRatePercent",
  x.net_minor::text AS "netMinor", x.tax_minor::text AS "taxMinor", x.total_minor::text AS "totalMinor", x.stocked,
  x.account_id AS "accountId", a.code AS "accountCode", a.name AS "accountName",
  x.received_quantity::text AS "receivedQuantity", x.received_value_minor::text AS "receivedValueMinor",
  x.billed_quantity::text AS "billedQuantity", x.billed_grni_minor::text AS "billedGrniMinor"`;
const LINE_FROM = `purchase_order_lines x
  LEFT JOIN products p ON p.business_id = x.business_id AND p.id = x.product_id
  LEFT JOIN accounts a ON a.business_id = x.business_id AND a.id = x.account_id`;

/** Purchase orders, their lines (with what arrived and what was billed) and their receipts. */
@Injectable()
export class PurchaseOrdersRepository {
  /** The business's default series of a purchasing kind, created on first use. */
  async defaultSeries(t: TenantTx, kind: 'purchase_order' | 'bill'): Promise<string> {
    const [existing] = await t.query<{ id: string }>(
      `SELECT id FROM document_series WHERE business_id = $1 AND kind = $2 AND is_default`,
      [t.businessId, kind],
    );
    if (existing) return existing.id;
    const [created] = await t.query<{ id: string }>(
      `INSERT INTO document_series (business_id, kind, name, prefix, is_default) VALUES ($1, $2, $3, $4, true)
       ON CONFLICT (business_id, kind, name) DO UPDATE SET is_default = document_series.is_default RETURNING id`,
      [t.businessId, kind, kind === 'bill' ? 'Bills' : 'Purchase orders', kind === 'bill' ? 'BILL-' : 'PO-'],
    );
    return created.id;
  }

  async insert(t: TenantTx, h: PurchaseOrderHeader, totals: DocumentTotals, createdBy: string | null): Promise<string> {
    const [row] = await t.query<{ id: string }>(
      `INSERT INTO purchase_orders (business_id, series_id, contact_id, currency, order_date, expected_date, location_id,
         tax_rounding, notes, subtotal_minor, tax_minor, total_minor, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [
        t.businessId, h.seriesId, h.contactId, h.currency, h.orderDate, h.expectedDate, h.locationId, h.taxRounding,
        h.notes, totals.subtotalMinor, totals.taxMinor, totals.totalMinor, createdBy,
      ],
    );
    return row.id;
  }

  async updateDraft(t: TenantTx, id: string, h: PurchaseOrderHeader, totals: DocumentTotals): Promise<void> {
    await t.execute(
      `UPDATE purchase_orders SET series_id = $3, contact_id = $4, currency = $5, order_date = $6, expected_date = $7,
         location_id = $8, tax_rounding = $9, notes = $10, subtotal_minor = $11, tax_minor = $12, total_minor = $13,
         updated_at = now()
       WHERE business_id = $1 AND id = $2 AND status = 'draft'`,
      [
        t.businessId, id, h.seriesId, h.contactId, h.currency, h.orderDate, h.expectedDate, h.locationId, h.taxRounding,
        h.notes, totals.subtotalMinor, totals.taxMinor, totals.totalMinor,
      ],
    );
  }

  async replaceLines(t: TenantTx, orderId: string, lines: OrderLineValues[], totals: DocumentTotals): Promise<void> {
    await t.execute(`DELETE FROM purchase_order_lines WHERE business_id = $1 AND purchase_order_id = $2`, [t.businessId, orderId]);
    for (const [i, l] of lines.entries()) {
      const tl = totals.lines[i];
      await t.execute(
        `INSERT INTO purchase_order_lines (business_id, purchase_order_id, line_no, product_id, description, quantity,
           unit_cost_minor, tax_rate_id, tax_rate_percent, net_minor, tax_minor, total_minor, stocked, account_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
        [
          t.businessId, orderId, i + 1, l.productId, l.description, l.quantity, l.unitCostMinor, l.taxRateId,
          l.taxRatePercent, tl.netMinor, tl.taxMinor, tl.totalMinor, l.stocked, l.accountId,
        ],
      );
    }
  }

  async deleteDraft(t: TenantTx, id: string): Promise<void> {
    await t.execute(`DELETE FROM purchase_orders WHERE business_id = $1 AND id = $2 AND status = 'draft'`, [t.businessId, id]);
  }

  async get(t: TenantTx, id: string, opts: { lock?: boolean } = {}): Promise<PurchaseOrderRow | null> {
    const [row] = await t.query<PurchaseOrderRow>(
      `SELECT ${ORDER_COLUMNS} FROM ${ORDER_FROM} WHERE o.business_id = $1 AND o.id = $2 ${opts.lock ? 'FOR UPDATE OF o' : ''}`,
      [t.businessId, id],
    );
    return row ?? null;
  }

  async lines(t: TenantTx, orderId: string): Promise<OrderLineRow[]> {
    return t.query<OrderLineRow>(
      `SELECT ${LINE_COLUMNS} FROM ${LINE_FROM} WHERE x.business_id = $1 AND x.purchase_order_id = $2 ORDER BY x.line_no`,
      [t.businessId, orderId],
    );
  }

  /** Order lines by id, locked in id order (callers lock the order rows first). */
  async linesByIds(t: TenantTx, ids: string[], opts: { lock?: boolean } = {}): Promise<OrderLineRow[]> {
    return t.query<OrderLineRow>(
      `SELECT ${LINE_COLUMNS} FROM ${LINE_FROM} WHERE x.business_id = $1 AND x.id = ANY($2::uuid[])
        ORDER BY x.id ${opts.lock ? 'FOR UPDATE OF x' : ''}`,
      [t.businessId, ids],
    );
  }

  async markOrdered(t: TenantTx, id: string, a: { number: string; exchangeRate: string }): Promise<void> {
    await t.execute(
      `UPDATE purchase_orders SET status = 'ordered', number = $3, exchange_rate = $4, ordered_at = now(), updated_at = now()
        WHERE business_id = $1 AND id = $2 AND status = 'draft'`,
      [t.businessId, id, a.number, a.exchangeRate],
    );
  }

  async setStatus(t: TenantTx, id: string, status: PurchaseOrderStatus): Promise<void> {
    await t.execute(`UPDATE purchase_orders SET status = $3, updated_at = now() WHERE business_id = $1 AND id = $2`, [
      t.businessId,
      id,
      status,
    ]);
  }

  async markClosed(t: TenantTx, id: string, reason: string): Promise<void> {
    await t.execute(
      `UPDATE purchase_orders SET status = 'closed', closed_at = now(), close_reason = $3, updated_at = now()
        WHERE business_id = $1 AND id = $2`,
      [t.businessId, id, reason],
    );
  }

  async markCancelled(t: TenantTx, id: string, reason: string): Promise<void> {
    await t.execute(
      `UPDATE purchase_orders SET status = 'cancelled', cancelled_at = now(), cancel_reason = $3, updated_at = now()
        WHERE business_id = $1 AND id = $2`,
      [t.businessId, id, reason],
    );
  }

  async addReceived(t: TenantTx, lineId: string, quantity: string, valueMinor: bigint): Promise<void> {
    await t.execute(
      `UPDATE purchase_order_lines SET received_quantity = received_quantity + $3::numeric, received_value_minor = received_value_minor + $4
        WHERE business_id = $1 AND id = $2`,
      [t.businessId, lineId, quantity, valueMinor],
    );
  }

  /** Moves what bills took from a line (negative when a bill is voided). */
  async addBilled(t: TenantTx, lineId: string, quantity: string, grniMinor: bigint): Promise<void> {
    await t.execute(
      `UPDATE purchase_order_lines SET billed_quantity = billed_quantity + $3::numeric, billed_grni_minor = billed_grni_minor + $4
        WHERE business_id = $1 AND id = $2`,
      [t.businessId, lineId, quantity, grniMinor],
    );
  }

  async insertReceipt(
    t: TenantTx,
    r: {
      id: string;
      orderId: string;
      date: string;
      locationId: string;
      reference: string;
      notes: string;
      stockOperationId: string;
      journalEntryId: string | null;
      createdBy: string | null;
      lines: { purchaseOrderLineId: string; quantity: string; valueMinor: bigint }[];
    },
  ): Promise<void> {
    await t.execute(
      `INSERT INTO purchase_receipts (business_id, id, purchase_order_id, receipt_date, location_id, reference, notes,
         stock_operation_id, journal_entry_id, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [t.businessId, r.id, r.orderId, r.date, r.locationId, r.reference, r.notes, r.stockOperationId, r.journalEntryId, r.createdBy],
    );
    for (const l of r.lines) {
      await t.execute(
        `INSERT INTO purchase_receipt_lines (business_id, receipt_id, purchase_order_line_id, quantity, value_minor)
         VALUES ($1, $2, $3, $4, $5)`,
        [t.businessId, r.id, l.purchaseOrderLineId, l.quantity, l.valueMinor],
      );
    }
  }

  async receipts(t: TenantTx, orderId: string): Promise<ReceiptRow[]> {
    return t.query<ReceiptRow>(
      `SELECT r.id, r.receipt_date::text AS date, r.location_id AS "locationId", l.name AS "locationName", r.reference, r.notes,
              r.stock_operation_id AS "stockOperationId", r.journal_entry_id AS "journalEntryId", r.created_at AS "createdAt",
              coalesce((SELECT json_agg(json_build_object('purchaseOrderLineId', x.purchase_order_line_id,
                         'quantity', x.quantity::text, 'valueMinor', x.value_minor::text) ORDER BY ol.line_no)
                          FROM purchase_receipt_lines x
                          JOIN purchase_order_lines ol ON ol.business_id = x.business_id AND ol.id = x.purchase_order_line_id
                         WHERE x.business_id = r.business_id AND x.receipt_id = r.id), '[]') AS lines
         FROM purchase_receipts r JOIN locations l ON l.business_id = r.business_id AND l.id = r.location_id
        WHERE r.business_id = $1 AND r.purchase_order_id = $2
        ORDER BY r.receipt_date, r.created_at`,
      [t.businessId, orderId],
    );
  }

  /** Bills (other than void) that bill lines of this order. */
  async billsOf(
    t: TenantTx,
    orderId: string,
  ): Promise<{ id: string; number: string | null; status: string; supplierReference: string; totalMinor: string; currency: string; billDate: string }[]> {
    return t.query(
      `SELECT DISTINCT b.id, b.number, b.status, b.supplier_reference AS "supplierReference", b.total_minor::text AS "totalMinor",
              b.currency, b.bill_date::text AS "billDate", b.created_at
         FROM bills b
         JOIN bill_lines bl ON bl.business_id = b.business_id AND bl.bill_id = b.id
         JOIN purchase_order_lines ol ON ol.business_id = bl.business_id AND ol.id = bl.purchase_order_line_id
        WHERE b.business_id = $1 AND ol.purchase_order_id = $2
        ORDER BY b.created_at`,
      [t.businessId, orderId],
    );
  }

  async insertSend(t: TenantTx, s: { orderId: string; toEmail: string; message: string; requestedBy: string | null }): Promise<string> {
    const [row] = await t.query<{ id: string }>(
      `INSERT INTO purchase_order_sends (business_id, purchase_order_id, to_email, message, requested_by)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [t.businessId, s.orderId, s.toEmail, s.message, s.requestedBy],
    );
    return row.id;
  }

  async sends(t: TenantTx, orderId: string): Promise<{ id: string; toEmail: string; requestedAt: Date; sentAt: Date | null }[]> {
    return t.query(
      `SELECT id, to_email AS "toEmail", requested_at AS "requestedAt", sent_at AS "sentAt" FROM purchase_order_sends
        WHERE business_id = $1 AND purchase_order_id = $2 ORDER BY requested_at DESC`,
      [t.businessId, orderId],
    );
  }

  async lockSend(
    t: TenantTx,
    id: string,
  ): Promise<{ id: string; purchaseOrderId: string; toEmail: string; message: string; requestedBy: string | null; sentAt: Date | null } | null> {
    const [row] = await t.query(
      `SELECT id, purchase_order_id AS "purchaseOrderId", to_email AS "toEmail", message, requested_by AS "requestedBy",
              sent_at AS "sentAt"
         FROM purchase_order_sends WHERE business_id = $1 AND id = $2 FOR UPDATE`,
      [t.businessId, id],
    );
    return row ?? null;
  }

  async markSent(t: TenantTx, sendId: string): Promise<void> {
    await t.execute(`UPDATE purchase_order_sends SET sent_at = now() WHERE business_id = $1 AND id = $2`, [t.businessId, sendId]);
  }

  async list(
    t: TenantTx,
    f: { status?: string; contactId?: string; productId?: string; q?: string; limit: number; cursor?: string },
  ): Promise<PurchaseOrderRow[]> {
    const after = decodeCursor(f.cursor);
    const where = [`o.business_id = $1`];
    const params: unknown[] = [t.businessId];
    if (after) where.push(`(o.created_at, o.id) < ($${params.push(after.at)}::timestamptz, $${params.push(after.id)}::uuid)`);
    if (f.status === 'open') where.push(`o.status IN ('ordered', 'partially_received')`);
    else if (f.status) where.push(`o.status = $${params.push(f.status)}`);
    if (f.contactId) where.push(`o.contact_id = $${params.push(f.contactId)}`);
    if (f.productId) {
      where.push(`EXISTS (SELECT 1 FROM purchase_order_lines x WHERE x.business_id = o.business_id AND x.purchase_order_id = o.id
        AND x.product_id = $${params.push(f.productId)})`);
    }
    if (f.q) where.push(`(o.number ILIKE $${params.push(likePattern(f.q))} OR c.name ILIKE $${params.length})`);
    return t.query<PurchaseOrderRow>(
      `SELECT ${ORDER_COLUMNS} FROM ${ORDER_FROM} WHERE ${where.join(' AND ')}
        ORDER BY o.created_at DESC, o.id DESC LIMIT $${params.push(f.limit + 1)}`,
      params,
    );
  }
}
