import { Injectable } from '@nestjs/common';
import type { DocumentTotals } from '@keeper/invoicing';
import { decodeCursor } from '../../../common/pagination';
import type { TenantTx } from '../../../db/db';
import { replaceDocumentLines, STORED_LINE_COLUMNS, type LineRow, type StoredLine } from '../../invoices/document-lines';
import { qtySql } from '../../inventory/quantity';
import type { SalesOrderFilter } from './dto/sales-order.dto';
import type { OrderStatus, ProgressFlags } from './order-progress';

export interface OrderHeader {
  contactId: string;
  currency: string;
  orderDate: string;
  expectedDate: string | null;
  locationId: string;
  pricesIncludeTax: boolean;
  taxRounding: 'line' | 'document';
  notes: string;
  terms: string;
}

export interface OrderRow extends OrderHeader, ProgressFlags {
  id: string;
  number: string;
  status: OrderStatus;
  quoteId: string | null;
  quoteNumber: string | null;
  contactName: string;
  locationCode: string;
  locationName: string;
  subtotalMinor: string;
  discountMinor: string;
  taxMinor: string;
  totalMinor: string;
  confirmedAt: Date | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
  createdAt: Date;
  cursorAt: string;
}

export interface OrderLineRow extends StoredLine {
  stocked: boolean;
  reservationId: string | null;
  /** numeric(18, 4) as text. */
  reserved: string;
  shipped: string;
  invoiced: string;
}

export interface ShipmentRow {
  id: string;
  number: string;
  orderId: string;
  orderNumber: string;
  contactId: string;
  contactName: string;
  shipDate: string;
  locationId: string;
  locationCode: string;
  locationName: string;
  notes: string;
  stockOperationId: string;
  createdAt: Date;
}

/** Quantity invoiced per order line: invoices that were voided give their quantities back. */
const INVOICED = (line: string) => `(SELECT coalesce(sum(x.quantity), 0) FROM sales_order_invoice_lines x
    JOIN invoices i ON i.business_id = x.business_id AND i.id = x.invoice_id AND i.status <> 'void'
   WHERE x.business_id = ${line}.business_id AND x.order_line_id = ${line}.id)`;

/** The facts of order-progress.ts (progressFlags), per order, for lists and filters. */
const PROGRESS = `LEFT JOIN LATERAL (
  SELECT coalesce(bool_or(l.stocked), false) AS "hasStocked",
         coalesce(bool_or(l.stocked AND l.quantity_shipped > 0), false) AS "anyShipped",
         coalesce(bool_and(NOT l.stocked OR l.quantity_shipped >= l.quantity), true) AS "allShipped",
         coalesce(bool_or(inv.q > 0), false) AS "anyInvoiced",
         coalesce(bool_and(inv.q >= l.quantity), true) AS "allInvoiced",
         coalesce(bool_or(l.stocked AND l.quantity > l.quantity_shipped + l.quantity_reserved), false) AS "backOrdered",
         coalesce(bool_or(CASE WHEN l.stocked THEN l.quantity_shipped ELSE l.quantity END > inv.q), false) AS "anyToInvoice"
    FROM sales_order_lines l CROSS JOIN LATERAL (SELECT ${INVOICED('l')} AS q) inv
   WHERE l.business_id = o.business_id AND l.order_id = o.id
) f ON true`;

const COLUMNS = `o.id, o.number, o.status, o.quote_id AS "quoteId", qt.number AS "quoteNumber", o.contact_id AS "contactId",
  c.name AS "contactName", o.currency, o.order_date::text AS "orderDate", o.expected_date::text AS "expectedDate",
  o.location_id AS "locationId", loc.code AS "locationCode", loc.name AS "locationName",
  o.prices_include_tax AS "pricesIncludeTax", o.tax_rounding AS "taxRounding", o.notes, o.terms,
  o.subtotal_minor::text AS "subtotalMinor", o.discount_minor::text AS "discountMinor", o.tax_minor::text AS "taxMinor",
  o.total_minor::text AS "totalMinor", o.confirmed_at AS "confirmedAt", o.cancelled_at AS "cancelledAt",
  o.cancel_reason AS "cancelReason", o.created_at AS "createdAt", o.created_at::text AS "cursorAt",
  f."hasStocked", f."anyShipped", f."allShipped", f."anyInvoiced", f."allInvoiced", f."backOrdered"`;

const FROM = `sales_orders o
  JOIN contacts c ON c.business_id = o.business_id AND c.id = o.contact_id
  JOIN locations loc ON loc.business_id = o.business_id AND loc.id = o.location_id
  LEFT JOIN quotes qt ON qt.business_id = o.business_id AND qt.id = o.quote_id
  ${PROGRESS}`;

const FILTERS: Record<SalesOrderFilter, string> = {
  draft: `o.status = 'draft'`,
  cancelled: `o.status = 'cancelled'`,
  open: `o.status = 'confirmed' AND NOT (f."allShipped" AND f."allInvoiced")`,
  back_ordered: `o.status = 'confirmed' AND f."backOrdered"`,
  to_ship: `o.status = 'confirmed' AND NOT f."allShipped"`,
  to_invoice: `o.status = 'confirmed' AND f."anyToInvoice"`,
  completed: `o.status = 'confirmed' AND f."allShipped" AND f."allInvoiced"`,
};

const LINES = { table: 'sales_order_lines', parentColumn: 'order_id' } as const;

const SHIPMENT_COLUMNS = `s.id, s.number, s.order_id AS "orderId", o.number AS "orderNumber", o.contact_id AS "contactId",
  c.name AS "contactName", s.ship_date::text AS "shipDate", s.location_id AS "locationId", loc.code AS "locationCode",
  loc.name AS "locationName", s.notes, s.stock_operation_id AS "stockOperationId", s.created_at AS "createdAt"`;
const SHIPMENT_FROM = `sales_shipments s
  JOIN sales_orders o ON o.business_id = s.business_id AND o.id = s.order_id
  JOIN contacts c ON c.business_id = o.business_id AND c.id = o.contact_id
  JOIN locations loc ON loc.business_id = s.business_id AND loc.id = s.location_id`;

@Injectable()
export class SalesOrdersRepository {
  async insert(t: TenantTx, h: OrderHeader & { seriesId: string; number: string; createdBy: string }, totals: DocumentTotals) {
    const [row] = await t.query<{ id: string }>(
      `INSERT INTO sales_orders (business_id, series_id, number, contact_id, currency, order_date, expected_date, location_id,
         prices_include_tax, tax_rounding, notes, terms, subtotal_minor, discount_minor, tax_minor, total_minor, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) RETURNING id`,
      [
        t.businessId, h.seriesId, h.number, h.contactId, h.currency, h.orderDate, h.expectedDate, h.locationId,
        h.pricesIncludeTax, h.taxRounding, h.notes, h.terms, totals.subtotalMinor, totals.discountMinor, totals.taxMinor,
        totals.totalMinor, h.createdBy,
      ],
    );
    return row.id;
  }

  /**
   * A draft order with the quote's header, lines and amounts, exactly as quoted (same tax rules
   * and rounding). Null when the quote already has its order (the unique key on quote_id).
   */
  async insertFromQuote(
    t: TenantTx,
    quoteId: string,
    o: { seriesId: string; number: string; orderDate: string; locationId: string; createdBy: string },
  ): Promise<string | null> {
    const [row] = await t.query<{ id: string }>(
      `INSERT INTO sales_orders (business_id, series_id, number, quote_id, contact_id, currency, order_date, location_id,
         prices_include_tax, tax_rounding, notes, terms, subtotal_minor, discount_minor, tax_minor, total_minor, created_by)
       SELECT q.business_id, $3, $4, q.id, q.contact_id, q.currency, $5, $6, q.prices_include_tax, q.tax_rounding, q.notes,
              q.terms, q.subtotal_minor, q.discount_minor, q.tax_minor, q.total_minor, $7
         FROM quotes q WHERE q.business_id = $1 AND q.id = $2
       ON CONFLICT (business_id, quote_id) DO NOTHING RETURNING id`,
      [t.businessId, quoteId, o.seriesId, o.number, o.orderDate, o.locationId, o.createdBy],
    );
    if (!row) return null;
    await t.execute(
      `INSERT INTO sales_order_lines (business_id, order_id, line_no, product_id, description, quantity, unit_price_minor,
         discount_percent, tax_rate_id, tax_rate_percent, discount_minor, net_minor, tax_minor, total_minor)
       SELECT l.business_id, $3, l.line_no, l.product_id, l.description, l.quantity, l.unit_price_minor, l.discount_percent,
              l.tax_rate_id, l.tax_rate_percent, l.discount_minor, l.net_minor, l.tax_minor, l.total_minor
         FROM quote_lines l WHERE l.business_id = $1 AND l.quote_id = $2`,
      [t.businessId, quoteId, row.id],
    );
    return row.id;
  }

  async updateDraft(t: TenantTx, id: string, h: OrderHeader, totals: DocumentTotals): Promise<void> {
    await t.execute(
      `UPDATE sales_orders SET contact_id = $3, currency = $4, order_date = $5, expected_date = $6, location_id = $7,
         prices_include_tax = $8, tax_rounding = $9, notes = $10, terms = $11, subtotal_minor = $12, discount_minor = $13,
         tax_minor = $14, total_minor = $15, updated_at = now()
       WHERE business_id = $1 AND id = $2 AND status = 'draft'`,
      [
        t.businessId, id, h.contactId, h.currency, h.orderDate, h.expectedDate, h.locationId, h.pricesIncludeTax,
        h.taxRounding, h.notes, h.terms, totals.subtotalMinor, totals.discountMinor, totals.taxMinor, totals.totalMinor,
      ],
    );
  }

  replaceLines(t: TenantTx, orderId: string, lines: LineRow[], totals: DocumentTotals): Promise<void> {
    return replaceDocumentLines(t, LINES, orderId, lines, totals);
  }

  async deleteDraft(t: TenantTx, id: string): Promise<void> {
    await t.execute(`DELETE FROM sales_orders WHERE business_id = $1 AND id = $2 AND status = 'draft'`, [t.businessId, id]);
  }

  async get(t: TenantTx, id: string, opts: { lock?: boolean } = {}): Promise<OrderRow | null> {
    // Locks only the order row: it serialises every change of the order and its lines.
    const [row] = await t.query<OrderRow>(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE o.business_id = $1 AND o.id = $2 ${opts.lock ? 'FOR UPDATE OF o' : ''}`,
      [t.businessId, id],
    );
    return row ?? null;
  }

  list(t: TenantTx, q: { status?: SalesOrderFilter; contactId?: string; q?: string; limit: number; cursor?: string }): Promise<OrderRow[]> {
    const after = decodeCursor(q.cursor);
    return t.query<OrderRow>(
      `SELECT ${COLUMNS} FROM ${FROM}
        WHERE o.business_id = $1
          AND ($2::timestamptz IS NULL OR (o.created_at, o.id) < ($2::timestamptz, $3::uuid))
          AND ($5::uuid IS NULL OR o.contact_id = $5)
          AND ($6::text IS NULL OR o.number ILIKE '%' || $6 || '%' OR c.name ILIKE '%' || $6 || '%')
          ${q.status ? `AND ${FILTERS[q.status]}` : ''}
        ORDER BY o.created_at DESC, o.id DESC LIMIT $4`,
      [
        t.businessId,
        after?.at ?? null,
        after?.id ?? null,
        q.limit + 1,
        q.contactId ?? null,
        q.q ? q.q.replace(/[\\%_]/g, (m) => `\\${m}`) : null,
      ],
    );
  }

  lines(t: TenantTx, orderId: string): Promise<OrderLineRow[]> {
    return t.query<OrderLineRow>(
      `SELECT ${STORED_LINE_COLUMNS}, l.stocked, l.reservation_id AS "reservationId", l.quantity_reserved::text AS reserved,
              l.quantity_shipped::text AS shipped, ${INVOICED('l')}::text AS invoiced
         FROM sales_order_lines l WHERE l.business_id = $1 AND l.order_id = $2 ORDER BY l.line_no`,
      [t.businessId, orderId],
    );
  }

  /** Marks which lines of a draft move stock: those whose product tracks it (fixed once confirmed). */
  async refreshStocked(t: TenantTx, orderId: string): Promise<void> {
    await t.execute(
      `UPDATE sales_order_lines l
          SET stocked = coalesce((SELECT p.track_stock FROM products p WHERE p.business_id = l.business_id AND p.id = l.product_id), false)
        WHERE l.business_id = $1 AND l.order_id = $2`,
      [t.businessId, orderId],
    );
  }

  /** Mirrors what the inventory engine holds for the line (changed in the same transaction). */
  async setFulfilment(t: TenantTx, lineId: string, f: { reservationId: string | null; reserved: bigint; shipped: bigint }): Promise<void> {
    await t.execute(
      `UPDATE sales_order_lines SET reservation_id = $3, quantity_reserved = $4, quantity_shipped = $5
        WHERE business_id = $1 AND id = $2`,
      [t.businessId, lineId, f.reservationId, qtySql(f.reserved), qtySql(f.shipped)],
    );
  }

  async markConfirmed(t: TenantTx, id: string): Promise<void> {
    await t.execute(
      `UPDATE sales_orders SET status = 'confirmed', confirmed_at = now(), updated_at = now()
        WHERE business_id = $1 AND id = $2 AND status = 'draft'`,
      [t.businessId, id],
    );
  }

  async markCancelled(t: TenantTx, id: string, reason: string): Promise<void> {
    await t.execute(
      `UPDATE sales_orders SET status = 'cancelled', cancelled_at = now(), cancel_reason = $3, updated_at = now()
        WHERE business_id = $1 AND id = $2 AND status <> 'cancelled'`,
      [t.businessId, id, reason],
    );
  }

  /** Whether anything has left the warehouse or been billed: then the order can no longer be cancelled. */
  async hasShipmentsOrInvoices(t: TenantTx, orderId: string): Promise<boolean> {
    const rows = await t.query(
      `SELECT 1 FROM sales_shipments WHERE business_id = $1 AND order_id = $2
       UNION ALL SELECT 1 FROM sales_order_invoice_lines WHERE business_id = $1 AND order_id = $2 LIMIT 1`,
      [t.businessId, orderId],
    );
    return rows.length > 0;
  }

  /** Confirmed orders fulfilled from the location with a line of the product waiting for stock, oldest first. */
  async waitingFor(t: TenantTx, productId: string, locationId: string): Promise<string[]> {
    const rows = await t.query<{ id: string }>(
      `SELECT o.id FROM sales_orders o
        WHERE o.business_id = $1 AND o.status = 'confirmed' AND o.location_id = $3
          AND EXISTS (SELECT 1 FROM sales_order_lines l
                       WHERE l.business_id = o.business_id AND l.order_id = o.id AND l.stocked AND l.product_id = $2
                         AND l.quantity > l.quantity_shipped + l.quantity_reserved)
        ORDER BY o.order_date, o.confirmed_at, o.id`,
      [t.businessId, productId, locationId],
    );
    return rows.map((r) => r.id);
  }

  // ---- shipments ----

  async insertShipment(
    t: TenantTx,
    s: { id: string; orderId: string; seriesId: string; number: string; shipDate: string; locationId: string; stockOperationId: string; notes: string; createdBy: string },
  ): Promise<void> {
    await t.execute(
      `INSERT INTO sales_shipments (business_id, id, order_id, series_id, number, ship_date, location_id, stock_operation_id, notes, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [t.businessId, s.id, s.orderId, s.seriesId, s.number, s.shipDate, s.locationId, s.stockOperationId, s.notes, s.createdBy],
    );
  }

  async insertShipmentLine(t: TenantTx, l: { shipmentId: string; orderLineId: string; productId: string; quantity: bigint; costMinor: bigint }) {
    await t.execute(
      `INSERT INTO sales_shipment_lines (business_id, shipment_id, order_line_id, product_id, quantity, cost_minor)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [t.businessId, l.shipmentId, l.orderLineId, l.productId, qtySql(l.quantity), l.costMinor],
    );
  }

  async shipment(t: TenantTx, id: string): Promise<ShipmentRow | null> {
    const [row] = await t.query<ShipmentRow>(`SELECT ${SHIPMENT_COLUMNS} FROM ${SHIPMENT_FROM} WHERE s.business_id = $1 AND s.id = $2`, [
      t.businessId,
      id,
    ]);
    return row ?? null;
  }

  shipmentsOf(t: TenantTx, orderId: string): Promise<ShipmentRow[]> {
    return t.query<ShipmentRow>(
      `SELECT ${SHIPMENT_COLUMNS} FROM ${SHIPMENT_FROM} WHERE s.business_id = $1 AND s.order_id = $2 ORDER BY s.created_at, s.id`,
      [t.businessId, orderId],
    );
  }

  shipmentLines(t: TenantTx, shipmentIds: readonly string[]) {
    return t.query<{ shipmentId: string; orderLineId: string; productId: string; sku: string; unit: string; description: string; quantity: string; costMinor: string }>(
      `SELECT sl.shipment_id AS "shipmentId", sl.order_line_id AS "orderLineId", sl.product_id AS "productId", p.sku, p.unit,
              ol.description, sl.quantity::text AS quantity, sl.cost_minor::text AS "costMinor"
         FROM sales_shipment_lines sl
         JOIN sales_order_lines ol ON ol.business_id = sl.business_id AND ol.id = sl.order_line_id
         JOIN products p ON p.business_id = sl.business_id AND p.id = sl.product_id
        WHERE sl.business_id = $1 AND sl.shipment_id = ANY($2::uuid[])
        ORDER BY ol.line_no`,
      [t.businessId, shipmentIds],
    );
  }

  // ---- invoicing ----

  async insertInvoiceLine(t: TenantTx, l: { orderId: string; orderLineId: string; invoiceId: string; quantity: bigint }): Promise<void> {
    await t.execute(
      `INSERT INTO sales_order_invoice_lines (business_id, order_id, order_line_id, invoice_id, quantity) VALUES ($1, $2, $3, $4, $5)`,
      [t.businessId, l.orderId, l.orderLineId, l.invoiceId, qtySql(l.quantity)],
    );
  }

  invoicesOf(t: TenantTx, orderId: string) {
    return t.query<{ id: string; number: string; status: string; issueDate: string; totalMinor: string; currency: string }>(
      `SELECT i.id, i.number, i.status, i.issue_date::text AS "issueDate", i.total_minor::text AS "totalMinor", i.currency
         FROM invoices i
        WHERE i.business_id = $1 AND i.id IN (SELECT x.invoice_id FROM sales_order_invoice_lines x WHERE x.business_id = $1 AND x.order_id = $2)
        ORDER BY i.issued_at, i.id`,
      [t.businessId, orderId],
    );
  }
}
