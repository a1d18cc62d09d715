import { Injectable } from '@nestjs/common';
import type { TenantTx } from '../../../db/db';
import type { KeysetCursor } from '../../../common/pagination';
import { likePattern } from '../../catalog/sorted-page';
import { qtySql } from '../quantity';
import type { CountLineFilter, CountStatus } from './stock-counts.dto';

export interface CountRow {
  id: string;
  number: number;
  status: CountStatus;
  scope: 'all' | 'partial';
  locationId: string;
  locationCode: string;
  locationName: string;
  note: string | null;
  snapshotAt: Date;
  createdAt: Date;
  countDate: string | null;
  postedAt: Date | null;
  cancelledAt: Date | null;
  operationId: string | null;
  cursorAt: string;
}

/** A line with what the review needs: the snapshot, the count, the books now and the costs to value it. */
export interface CountLineRow {
  id: string;
  productId: string;
  sku: string;
  productName: string;
  unit: string;
  expectedQuantity: string;
  expectedValueMinor: string;
  countedQuantity: string | null;
  bookQuantity: string | null;
  postedQuantity: string | null;
  postedValueMinor: string | null;
  currentQuantity: string;
  /** Draft, counted lines: what posting would book now, at the current cost (rounded). */
  estimatedValueMinor: string | null;
  /** The current cost of one unit here (rounded), null when nothing prices it. */
  unitCostMinor: string | null;
  sortName: string;
}

export interface CountSummaryRow {
  countId: string;
  lines: number;
  counted: number;
  differences: number;
  drifted: number;
  valueMinor: string;
}

const COUNT_COLUMNS = `c.id, c.number, c.status, c.scope, c.location_id AS "locationId", l.code AS "locationCode",
  l.name AS "locationName", c.note, c.snapshot_at AS "snapshotAt", c.created_at AS "createdAt",
  c.count_date::text AS "countDate", c.posted_at AS "postedAt", c.cancelled_at AS "cancelledAt",
  c.operation_id AS "operationId", c.created_at::text AS "cursorAt"`;

const CURRENT = 'coalesce(s.quantity, 0)';
/**
 * A count books `counted - current` at the level's cost: the running average (value over
 * quantity), else the last receipt here, else the product's purchase cost. The same rule as
 * StockService prices a count, in exact numeric arithmetic, so the estimate is what a
 * moving-average business will see booked (FIFO takes its layers and may differ).
 */
const rated = (quantity: string) => `CASE
    WHEN ${CURRENT} <> 0 THEN ${quantity} * s.value_minor / s.quantity
    WHEN s.last_receipt_quantity IS NOT NULL THEN ${quantity} * s.last_receipt_value_minor / s.last_receipt_quantity
    ELSE ${quantity} * p.purchase_cost_minor END`;
const ESTIMATE = `round(${rated(`(cl.counted_quantity - ${CURRENT})`)})`;

const LINE_COLUMNS = `cl.id, cl.product_id AS "productId", p.sku, p.name AS "productName", p.unit,
  cl.expected_quantity::text AS "expectedQuantity", cl.expected_value_minor::text AS "expectedValueMinor",
  cl.counted_quantity::text AS "countedQuantity", cl.book_quantity::text AS "bookQuantity",
  cl.posted_quantity::text AS "postedQuantity", cl.posted_value_minor::text AS "postedValueMinor",
  ${CURRENT}::text AS "currentQuantity",
  CASE WHEN c.status = 'draft' AND cl.counted_quantity IS NOT NULL THEN coalesce(${ESTIMATE}, 0)::text END AS "estimatedValueMinor",
  round(${rated('1')})::text AS "unitCostMinor", lower(p.name) AS "sortName"`;

const LINE_FROM = `stock_count_lines cl
  JOIN stock_counts c ON c.business_id = cl.business_id AND c.id = cl.count_id
  JOIN products p ON p.business_id = cl.business_id AND p.id = cl.product_id
  LEFT JOIN stock_levels s ON s.business_id = cl.business_id AND s.product_id = cl.product_id AND s.location_id = c.location_id`;

const FILTERS: Record<CountLineFilter, string> = {
  all: 'TRUE',
  uncounted: 'cl.counted_quantity IS NULL',
  counted: 'cl.counted_quantity IS NOT NULL',
  differences: `CASE WHEN c.status = 'posted' THEN cl.posted_quantity <> 0
                     ELSE cl.counted_quantity IS NOT NULL AND cl.counted_quantity <> cl.expected_quantity END`,
  drift: `c.status = 'draft' AND coalesce(s.quantity, 0) <> cl.expected_quantity`,
};

/** Count sheets and their lines. The expected quantities are copied from stock_levels in one statement (one snapshot). */
@Injectable()
export class StockCountsRepository {
  /** The next count number; a transaction-scoped advisory lock keeps numbers unique and gapless. */
  async nextNumber(t: TenantTx): Promise<number> {
    await t.query(`SELECT pg_advisory_xact_lock(hashtextextended('stock_counts:' || $1, 0))`, [t.businessId]);
    const [row] = await t.query<{ n: number }>(`SELECT coalesce(max(number), 0)::int + 1 AS n FROM stock_counts WHERE business_id = $1`, [
      t.businessId,
    ]);
    return row.n;
  }

  async insert(
    t: TenantTx,
    c: { number: number; locationId: string; scope: 'all' | 'partial'; note: string | null; createdBy: string },
  ): Promise<string> {
    const [row] = await t.query<{ id: string }>(
      `INSERT INTO stock_counts (business_id, number, location_id, scope, note, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [t.businessId, c.number, c.locationId, c.scope, c.note, c.createdBy],
    );
    return row.id;
  }

  /**
   * Adds a line per stocked product (active, or inactive with stock here) with the books as
   * expected quantity; returns how many. `productIds` or `q` narrow the products.
   */
  async snapshotLines(t: TenantTx, countId: string, locationId: string, f: { productIds?: string[]; q?: string }): Promise<number> {
    const params: unknown[] = [t.businessId, countId, locationId];
    const where = [`p.business_id = $1`, `p.track_stock`];
    if (f.productIds) where.push(`p.id = ANY($${params.push(f.productIds)}::uuid[])`);
    else where.push(`(p.active OR coalesce(s.quantity, 0) <> 0)`);
    if (f.q) where.push(`(p.sku ILIKE $${params.push(likePattern(f.q))} OR p.name ILIKE $${params.length})`);
    return t.execute(
      `INSERT INTO stock_count_lines (business_id, count_id, product_id, expected_quantity, expected_value_minor)
       SELECT p.business_id, $2, p.id, coalesce(s.quantity, 0), coalesce(s.value_minor, 0)
         FROM products p
         LEFT JOIN stock_levels s ON s.business_id = p.business_id AND s.product_id = p.id AND s.location_id = $3
        WHERE ${where.join(' AND ')}
       ON CONFLICT (business_id, count_id, product_id) DO NOTHING`,
      params,
    );
  }

  async get(t: TenantTx, id: string, opts: { lock?: boolean } = {}): Promise<CountRow | null> {
    const [row] = await t.query<CountRow>(
      `SELECT ${COUNT_COLUMNS} FROM stock_counts c JOIN locations l ON l.business_id = c.business_id AND l.id = c.location_id
        WHERE c.business_id = $1 AND c.id = $2 ${opts.lock ? 'FOR UPDATE OF c' : ''}`,
      [t.businessId, id],
    );
    return row ?? null;
  }

  async list(t: TenantTx, f: { status?: CountStatus; locationId?: string; after: KeysetCursor | null; limit: number }): Promise<CountRow[]> {
    const params: unknown[] = [t.businessId];
    const where = [`c.business_id = $1`];
    if (f.status) where.push(`c.status = $${params.push(f.status)}`);
    if (f.locationId) where.push(`c.location_id = $${params.push(f.locationId)}`);
    if (f.after) where.push(`(c.created_at, c.id) < ($${params.push(f.after.at)}::timestamptz, $${params.push(f.after.id)}::uuid)`);
    return t.query<CountRow>(
      `SELECT ${COUNT_COLUMNS} FROM stock_counts c JOIN locations l ON l.business_id = c.business_id AND l.id = c.location_id
        WHERE ${where.join(' AND ')} ORDER BY c.created_at DESC, c.id DESC LIMIT $${params.push(f.limit + 1)}`,
      params,
    );
  }

  /** Lines by product name (keyset on the name and the line id). */
  async lines(
    t: TenantTx,
    countId: string,
    f: { filter?: CountLineFilter; q?: string; ids?: string[]; productId?: string; after?: { name: string; id: string } | null; limit?: number },
  ): Promise<CountLineRow[]> {
    const params: unknown[] = [t.businessId, countId];
    const where = [`cl.business_id = $1`, `cl.count_id = $2`, FILTERS[f.filter ?? 'all']];
    if (f.ids) where.push(`cl.id = ANY($${params.push(f.ids)}::uuid[])`);
    if (f.productId) where.push(`cl.product_id = $${params.push(f.productId)}`);
    if (f.q) where.push(`(p.sku ILIKE $${params.push(likePattern(f.q))} OR p.name ILIKE $${params.length})`);
    if (f.after) {
      where.push(`(lower(p.name) COLLATE "C", cl.id) > ($${params.push(f.after.name)} COLLATE "C", $${params.push(f.after.id)}::uuid)`);
    }
    const limit = f.limit !== undefined ? `LIMIT $${params.push(f.limit + 1)}` : '';
    return t.query<CountLineRow>(
      `SELECT ${LINE_COLUMNS} FROM ${LINE_FROM} WHERE ${where.join(' AND ')} ORDER BY lower(p.name) COLLATE "C", cl.id ${limit}`,
      params,
    );
  }

  /** Per count: line counts and the value posted (or, for a draft, what posting would book now). */
  async summaries(t: TenantTx, countIds: string[]): Promise<Map<string, CountSummaryRow>> {
    const rows = await t.query<CountSummaryRow>(
      `SELECT cl.count_id AS "countId", count(*)::int AS lines, count(cl.counted_quantity)::int AS counted,
              count(*) FILTER (WHERE ${FILTERS.differences})::int AS differences,
              count(*) FILTER (WHERE ${FILTERS.drift})::int AS drifted,
              coalesce(sum(CASE WHEN c.status = 'posted' THEN cl.posted_value_minor
                                WHEN c.status = 'draft' AND cl.counted_quantity IS NOT NULL THEN coalesce(${ESTIMATE}, 0) END), 0)::text
                AS "valueMinor"
         FROM ${LINE_FROM} WHERE cl.business_id = $1 AND cl.count_id = ANY($2::uuid[]) GROUP BY cl.count_id`,
      [t.businessId, countIds],
    );
    return new Map(rows.map((r) => [r.countId, r]));
  }

  /** Ids of the lines among `ids` that belong to the count. */
  async lineIds(t: TenantTx, countId: string, ids: string[]): Promise<Set<string>> {
    const rows = await t.query<{ id: string }>(
      `SELECT id FROM stock_count_lines WHERE business_id = $1 AND count_id = $2 AND id = ANY($3::uuid[])`,
      [t.businessId, countId, ids],
    );
    return new Set(rows.map((r) => r.id));
  }

  async setCounted(t: TenantTx, countId: string, lines: { lineId: string; counted: bigint | null }[], userId: string): Promise<void> {
    await t.execute(
      `UPDATE stock_count_lines cl
          SET counted_quantity = v.counted, counted_at = CASE WHEN v.counted IS NULL THEN NULL ELSE now() END,
              counted_by = CASE WHEN v.counted IS NULL THEN NULL ELSE $4::uuid END
         FROM unnest($3::uuid[], $5::numeric[]) AS v(id, counted)
        WHERE cl.business_id = $1 AND cl.count_id = $2 AND cl.id = v.id`,
      [t.businessId, countId, lines.map((l) => l.lineId), userId, lines.map((l) => (l.counted === null ? null : qtySql(l.counted)))],
    );
  }

  /** Adds to what was counted on a line (a scan); returns nothing, the caller reloads the line. */
  async addCounted(t: TenantTx, lineId: string, quantity: bigint, userId: string): Promise<void> {
    await t.execute(
      `UPDATE stock_count_lines SET counted_quantity = coalesce(counted_quantity, 0) + $3::numeric, counted_at = now(), counted_by = $4
        WHERE business_id = $1 AND id = $2`,
      [t.businessId, lineId, qtySql(quantity), userId],
    );
  }

  async zeroUncounted(t: TenantTx, countId: string, userId: string): Promise<number> {
    return t.execute(
      `UPDATE stock_count_lines SET counted_quantity = 0, counted_at = now(), counted_by = $3
        WHERE business_id = $1 AND count_id = $2 AND counted_quantity IS NULL`,
      [t.businessId, countId, userId],
    );
  }

  async recordPosted(
    t: TenantTx,
    countId: string,
    lines: { lineId: string; book: bigint; posted: bigint; valueMinor: bigint }[],
  ): Promise<void> {
    await t.execute(
      `UPDATE stock_count_lines cl SET book_quantity = v.book, posted_quantity = v.posted, posted_value_minor = v.value
         FROM unnest($3::uuid[], $4::numeric[], $5::numeric[], $6::bigint[]) AS v(id, book, posted, value)
        WHERE cl.business_id = $1 AND cl.count_id = $2 AND cl.id = v.id`,
      [
        t.businessId,
        countId,
        lines.map((l) => l.lineId),
        lines.map((l) => qtySql(l.book)),
        lines.map((l) => qtySql(l.posted)),
        lines.map((l) => l.valueMinor.toString()),
      ],
    );
  }

  async markPosted(t: TenantTx, id: string, p: { date: string; operationId: string; userId: string }): Promise<void> {
    await t.execute(
      `UPDATE stock_counts SET status = 'posted', count_date = $3, operation_id = $4, posted_at = now(), posted_by = $5, updated_at = now()
        WHERE business_id = $1 AND id = $2`,
      [t.businessId, id, p.date, p.operationId, p.userId],
    );
  }

  async markCancelled(t: TenantTx, id: string, userId: string): Promise<void> {
    await t.execute(
      `UPDATE stock_counts SET status = 'cancelled', cancelled_at = now(), cancelled_by = $3, updated_at = now()
        WHERE business_id = $1 AND id = $2`,
      [t.businessId, id, userId],
    );
  }

  async touch(t: TenantTx, id: string): Promise<void> {
    await t.execute(`UPDATE stock_counts SET updated_at = now() WHERE business_id = $1 AND id = $2`, [t.businessId, id]);
  }
}
