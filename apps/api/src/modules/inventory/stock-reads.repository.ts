import { Injectable } from '@nestjs/common';
import type { TenantTx } from '../../db/db';
import { likePattern } from '../catalog/sorted-page';

export interface LevelListRow {
  id: string;
  productId: string;
  sku: string;
  productName: string;
  unit: string;
  locationId: string;
  locationCode: string;
  locationName: string;
  quantity: string;
  reserved: string;
  valueMinor: string;
  sortName: string;
}

export interface CardRow {
  movementId: string;
  seq: string;
  operationId: string;
  date: string;
  kind: string;
  locationId: string;
  locationCode: string;
  locationName: string;
  description: string;
  reason: string | null;
  sourceType: string;
  sourceId: string | null;
  quantity: string;
  valueMinor: string;
  balanceQuantity: string;
  balanceValueMinor: string;
}

export interface OperationRow {
  id: string;
  kind: string;
  date: string;
  description: string;
  reason: string | null;
  locationId: string;
  locationCode: string;
  locationName: string;
  toLocationId: string | null;
  toLocationCode: string | null;
  toLocationName: string | null;
  sourceType: string;
  sourceId: string | null;
  journalEntryId: string | null;
  valueMinor: string;
  lineCount: number;
  createdAt: string;
  cursorAt: string;
}

export interface ExportRow {
  date: string;
  kind: string;
  sku: string;
  productName: string;
  unit: string;
  locationCode: string;
  quantity: string;
  valueMinor: string;
  quantityAfter: string;
  valueAfterMinor: string;
  description: string;
  reason: string | null;
  sourceType: string;
}

const LEVEL_COLUMNS = `s.id, s.product_id AS "productId", p.sku, p.name AS "productName", p.unit,
  s.location_id AS "locationId", l.code AS "locationCode", l.name AS "locationName",
  s.quantity::text, s.reserved::text, s.value_minor::text AS "valueMinor"`;
const LEVEL_FROM = `stock_levels s
  JOIN products p ON p.business_id = s.business_id AND p.id = s.product_id
  JOIN locations l ON l.business_id = s.business_id AND l.id = s.location_id`;

/** Read side of inventory: lists, the stock card, valuation as of a date, exports. */
@Injectable()
export class StockReadsRepository {
  /** Levels by product name then location (keyset on the name and the level id). */
  async levels(
    t: TenantTx,
    f: { locationId?: string; q?: string; filter: 'in_stock' | 'all' | 'negative'; limit: number; after: { name: string; id: string } | null },
  ): Promise<LevelListRow[]> {
    const where = [`s.business_id = $1`];
    const params: unknown[] = [t.businessId];
    if (f.locationId) where.push(`s.location_id = $${params.push(f.locationId)}`);
    if (f.q) where.push(`(p.sku ILIKE $${params.push(likePattern(f.q))} OR p.name ILIKE $${params.length})`);
    if (f.filter === 'in_stock') where.push(`(s.quantity <> 0 OR s.reserved <> 0)`);
    if (f.filter === 'negative') where.push(`s.quantity < 0`);
    if (f.after) {
      where.push(`(lower(p.name) COLLATE "C", s.id) > ($${params.push(f.after.name)} COLLATE "C", $${params.push(f.after.id)}::uuid)`);
    }
    return t.query<LevelListRow>(
      `SELECT ${LEVEL_COLUMNS}, lower(p.name) AS "sortName" FROM ${LEVEL_FROM}
        WHERE ${where.join(' AND ')} ORDER BY lower(p.name) COLLATE "C", s.id LIMIT $${params.push(f.limit + 1)}`,
      params,
    );
  }

  async levelsOfProduct(t: TenantTx, productId: string): Promise<LevelListRow[]> {
    return t.query<LevelListRow>(
      `SELECT ${LEVEL_COLUMNS}, lower(p.name) AS "sortName" FROM ${LEVEL_FROM}
        WHERE s.business_id = $1 AND s.product_id = $2 ORDER BY l.is_default DESC, lower(l.name), l.id`,
      [t.businessId, productId],
    );
  }

  /**
   * Movements of a product, newest first, each with the running quantity and value after it —
   * at its location, or over all locations when none is given (a window over the whole history,
   * computed in PostgreSQL).
   */
  async card(t: TenantTx, productId: string, f: { locationId?: string; limit: number; beforeSeq: string | null }): Promise<CardRow[]> {
    const params: unknown[] = [t.businessId, productId];
    const location = f.locationId ? `AND m.location_id = $${params.push(f.locationId)}` : '';
    const before = f.beforeSeq ? `WHERE c.seq < $${params.push(f.beforeSeq)}::bigint` : '';
    return t.query<CardRow>(
      `SELECT c.* FROM (
         SELECT m.id AS "movementId", m.seq, m.operation_id AS "operationId", m.movement_date::text AS date, m.kind,
                m.location_id AS "locationId", l.code AS "locationCode", l.name AS "locationName",
                o.description, o.reason, o.source_type AS "sourceType", o.source_id AS "sourceId",
                m.quantity::text, m.value_minor::text AS "valueMinor",
                (sum(m.quantity) OVER w)::text AS "balanceQuantity", (sum(m.value_minor) OVER w)::text AS "balanceValueMinor"
           FROM stock_movements m
           JOIN stock_operations o ON o.business_id = m.business_id AND o.id = m.operation_id
           JOIN locations l ON l.business_id = m.business_id AND l.id = m.location_id
          WHERE m.business_id = $1 AND m.product_id = $2 ${location}
         WINDOW w AS (ORDER BY m.seq ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
       ) c ${before}
       ORDER BY c.seq DESC LIMIT $${params.push(f.limit + 1)}`,
      params,
    );
  }

  async operations(
    t: TenantTx,
    f: { kind?: string; locationId?: string; limit: number; after: { at: string; id: string } | null; id?: string },
  ): Promise<OperationRow[]> {
    const where = [`o.business_id = $1`];
    const params: unknown[] = [t.businessId];
    if (f.id) where.push(`o.id = $${params.push(f.id)}`);
    if (f.kind) where.push(`o.kind = $${params.push(f.kind)}`);
    if (f.locationId) where.push(`(o.location_id = $${params.push(f.locationId)} OR o.to_location_id = $${params.length})`);
    if (f.after) where.push(`(o.created_at, o.id) < ($${params.push(f.after.at)}::timestamptz, $${params.push(f.after.id)}::uuid)`);
    return t.query<OperationRow>(
      `SELECT o.id, o.kind, o.operation_date::text AS date, o.description, o.reason,
              o.location_id AS "locationId", l.code AS "locationCode", l.name AS "locationName",
              o.to_location_id AS "toLocationId", tl.code AS "toLocationCode", tl.name AS "toLocationName",
              o.source_type AS "sourceType", o.source_id AS "sourceId", o.journal_entry_id AS "journalEntryId",
              (SELECT coalesce(sum(m.value_minor), 0)::text FROM stock_movements m WHERE m.business_id = o.business_id AND m.operation_id = o.id) AS "valueMinor",
              (SELECT count(*)::int FROM stock_movements m WHERE m.business_id = o.business_id AND m.operation_id = o.id) AS "lineCount",
              o.created_at AS "createdAt", o.created_at::text AS "cursorAt"
         FROM stock_operations o
         JOIN locations l ON l.business_id = o.business_id AND l.id = o.location_id
         LEFT JOIN locations tl ON tl.business_id = o.business_id AND tl.id = o.to_location_id
        WHERE ${where.join(' AND ')}
        ORDER BY o.created_at DESC, o.id DESC LIMIT $${params.push(f.limit + 1)}`,
      params,
    );
  }

  async operationMovements(t: TenantTx, operationId: string) {
    return t.query<{
      id: string;
      kind: string;
      productId: string;
      sku: string;
      productName: string;
      unit: string;
      locationId: string;
      locationCode: string;
      locationName: string;
      quantity: string;
      valueMinor: string;
    }>(
      `SELECT m.id, m.kind, m.product_id AS "productId", p.sku, p.name AS "productName", p.unit,
              m.location_id AS "locationId", l.code AS "locationCode", l.name AS "locationName",
              m.quantity::text, m.value_minor::text AS "valueMinor"
         FROM stock_movements m
         JOIN products p ON p.business_id = m.business_id AND p.id = m.product_id
         JOIN locations l ON l.business_id = m.business_id AND l.id = m.location_id
        WHERE m.business_id = $1 AND m.operation_id = $2 ORDER BY m.seq`,
      [t.businessId, operationId],
    );
  }

  /**
   * Quantity and value per product as of the end of a day: the sum of the movements dated up to
   * it. The inventory account sums the same amounts on the same dates, so the two agree.
   */
  async valuation(t: TenantTx, asOf: string, locationId?: string) {
    const params: unknown[] = [t.businessId, asOf];
    const location = locationId ? `AND m.location_id = $${params.push(locationId)}` : '';
    return t.query<{ productId: string; sku: string; productName: string; unit: string; quantity: string; valueMinor: string }>(
      `SELECT p.id AS "productId", p.sku, p.name AS "productName", p.unit,
              sum(m.quantity)::text AS quantity, sum(m.value_minor)::text AS "valueMinor"
         FROM stock_movements m JOIN products p ON p.business_id = m.business_id AND p.id = m.product_id
        WHERE m.business_id = $1 AND m.movement_date <= $2::date ${location}
        GROUP BY p.id, p.sku, p.name, p.unit
       HAVING sum(m.quantity) <> 0 OR sum(m.value_minor) <> 0
        ORDER BY lower(p.name) COLLATE "C", p.id`,
      params,
    );
  }

  /** The inventory account's balance in the base currency as of the end of a day. */
  async ledgerInventory(t: TenantTx, asOf: string): Promise<bigint> {
    const [row] = await t.query<{ balance: string }>(
      `SELECT coalesce(sum(jl.base_amount_minor), 0)::text AS balance
         FROM journal_lines jl
         JOIN journal_entries je ON je.business_id = jl.business_id AND je.id = jl.entry_id
         JOIN accounts a ON a.business_id = jl.business_id AND a.id = jl.account_id
        WHERE jl.business_id = $1 AND a.system_key = 'inventory' AND je.entry_date <= $2::date`,
      [t.businessId, asOf],
    );
    return BigInt(row.balance);
  }

  async movementsForExport(
    t: TenantTx,
    f: { from?: string; to?: string; locationId?: string; productId?: string; limit: number },
  ): Promise<ExportRow[]> {
    const where = [`m.business_id = $1`];
    const params: unknown[] = [t.businessId];
    if (f.from) where.push(`m.movement_date >= $${params.push(f.from)}::date`);
    if (f.to) where.push(`m.movement_date <= $${params.push(f.to)}::date`);
    if (f.locationId) where.push(`m.location_id = $${params.push(f.locationId)}`);
    if (f.productId) where.push(`m.product_id = $${params.push(f.productId)}`);
    return t.query<ExportRow>(
      `SELECT m.movement_date::text AS date, m.kind, p.sku, p.name AS "productName", p.unit, l.code AS "locationCode",
              m.quantity::text, m.value_minor::text AS "valueMinor", m.quantity_after::text AS "quantityAfter",
              m.value_after_minor::text AS "valueAfterMinor", o.description, o.reason, o.source_type AS "sourceType"
         FROM stock_movements m
         JOIN stock_operations o ON o.business_id = m.business_id AND o.id = m.operation_id
         JOIN products p ON p.business_id = m.business_id AND p.id = m.product_id
         JOIN locations l ON l.business_id = m.business_id AND l.id = m.location_id
        WHERE ${where.join(' AND ')} ORDER BY m.seq LIMIT $${params.push(f.limit)}`,
      params,
    );
  }
}
