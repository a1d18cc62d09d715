import { Injectable } from '@nestjs/common';
import { TenantTx } from '../../../db/db';
import { keysetSql, likePattern, sortOrder, type SortKey } from '../sorted-page';
import type { ProductKind, ProductSort } from './dto/product.dto';

/** A product as stored; money stays in minor units until the service presents it. */
export interface ProductRow {
  id: string;
  sku: string;
  name: string;
  kind: ProductKind;
  unit: string;
  description: string | null;
  currency: string;
  salesPriceMinor: string;
  purchaseCostMinor: string | null;
  taxRateId: string | null;
  taxRateName: string | null;
  taxRateRate: string | null;
  taxRateActive: boolean | null;
  trackStock: boolean;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface ProductValues {
  sku: string;
  name: string;
  kind: ProductKind;
  unit: string;
  description: string | null;
  currency: string;
  salesPriceMinor: bigint;
  purchaseCostMinor: bigint | null;
  taxRateId: string | null;
  trackStock: boolean;
  active: boolean;
}

export interface ProductFilter {
  q?: string | null;
  kind?: ProductKind;
  active?: 'true' | 'false' | 'any';
  sort: ProductSort;
}

const COLUMNS = `p.id, p.sku, p.name, p.kind, p.unit, p.description, p.currency,
  p.sales_price_minor::text AS "salesPriceMinor", p.purchase_cost_minor::text AS "purchaseCostMinor",
  p.tax_rate_id AS "taxRateId", r.name AS "taxRateName", r.rate::text AS "taxRateRate", r.active AS "taxRateActive",
  p.track_stock AS "trackStock", p.active, p.created_at AS "createdAt", p.updated_at AS "updatedAt"`;

const FROM = `products p LEFT JOIN tax_rates r ON r.business_id = p.business_id AND r.id = p.tax_rate_id`;

export const PRODUCT_SORT_KEYS: Record<'name' | 'sku' | 'createdAt', SortKey> = {
  name: { expr: 'lower(p.name) COLLATE "C"', type: 'text' },
  sku: { expr: 'lower(p.sku) COLLATE "C"', type: 'text' },
  createdAt: { expr: 'p.created_at', type: 'timestamptz' },
};

const COLUMN_OF: Record<Exclude<keyof ProductValues, 'currency'>, string> = {
  sku: 'sku',
  name: 'name',
  kind: 'kind',
  unit: 'unit',
  description: 'description',
  salesPriceMinor: 'sales_price_minor',
  purchaseCostMinor: 'purchase_cost_minor',
  taxRateId: 'tax_rate_id',
  trackStock: 'track_stock',
  active: 'active',
};

@Injectable()
export class ProductsRepository {
  /**
   * `lock: true` takes the row for an update; `lock: 'share'` keeps it from changing until commit
   * (stock operations hold it so that stock tracking cannot be turned off under them).
   */
  async get(t: TenantTx, id: string, opts: { lock?: boolean | 'share' } = {}): Promise<ProductRow | null> {
    const lock = opts.lock === 'share' ? 'FOR SHARE OF p' : opts.lock ? 'FOR UPDATE OF p' : '';
    const [row] = await t.query<ProductRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE p.business_id = $1 AND p.id = $2 ${lock}`, [
      t.businessId,
      id,
    ]);
    return row ?? null;
  }

  /** One sorted page (`limit + 1` rows, for `sortedPage`), or every match when `limit` is null. */
  async list(t: TenantTx, f: ProductFilter, page: { limit: number | null; cursor?: string }) {
    const order = sortOrder(f.sort, PRODUCT_SORT_KEYS);
    const keyset = keysetSql(order, page.cursor, 'p', 5);
    return t.query<ProductRow & { cursorValue: string }>(
      `SELECT ${COLUMNS}, ${keyset.select} FROM ${FROM}
        WHERE p.business_id = $1
          AND ($2::text IS NULL OR p.sku ILIKE $2 OR p.name ILIKE $2)
          AND ($3::text IS NULL OR p.kind = $3)
          AND ($4::boolean IS NULL OR p.active = $4)
          AND ${keyset.where}
        ORDER BY ${keyset.orderBy}
        LIMIT $7`,
      [
        t.businessId,
        f.q ? likePattern(f.q) : null,
        f.kind ?? null,
        (f.active ?? 'true') === 'any' ? null : (f.active ?? 'true') === 'true',
        ...keyset.params,
        page.limit === null ? null : page.limit + 1,
      ],
    );
  }

  /** The product with this SKU, ignoring case (SKUs are unique regardless of case). */
  async getBySku(t: TenantTx, sku: string): Promise<ProductRow | null> {
    const [row] = await t.query<ProductRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE p.business_id = $1 AND lower(p.sku) = lower($2)`, [
      t.businessId,
      sku,
    ]);
    return row ?? null;
  }

  /** Which of these SKUs (any case) the business already has, lower-cased; `exceptId` is ignored. */
  async existingSkus(t: TenantTx, skus: string[], exceptId: string | null = null): Promise<Set<string>> {
    if (skus.length === 0) return new Set();
    const rows = await t.query<{ sku: string }>(
      `SELECT lower(sku) AS sku FROM products
        WHERE business_id = $1 AND lower(sku) = ANY($2::text[]) AND ($3::uuid IS NULL OR id <> $3)`,
      [t.businessId, skus.map((s) => s.toLowerCase()), exceptId],
    );
    return new Set(rows.map((r) => r.sku));
  }

  /** Ids by lower-cased SKU. */
  async idsBySku(t: TenantTx, skus: string[]): Promise<Map<string, string>> {
    const rows = await t.query<{ id: string; sku: string }>(
      `SELECT id, lower(sku) AS sku FROM products WHERE business_id = $1 AND lower(sku) = ANY($2::text[])`,
      [t.businessId, skus.map((s) => s.toLowerCase())],
    );
    return new Map(rows.map((r) => [r.sku, r.id]));
  }

  /** Inserts in one statement (imports send thousands); returns the new ids. */
  async insertMany(t: TenantTx, rows: ProductValues[]): Promise<string[]> {
    if (rows.length === 0) return [];
    const records = rows.map((r) => ({
      sku: r.sku,
      name: r.name,
      kind: r.kind,
      unit: r.unit,
      description: r.description,
      currency: r.currency,
      sales_price_minor: r.salesPriceMinor.toString(),
      purchase_cost_minor: r.purchaseCostMinor === null ? null : r.purchaseCostMinor.toString(),
      tax_rate_id: r.taxRateId,
      track_stock: r.trackStock,
      active: r.active,
    }));
    const inserted = await t.query<{ id: string }>(
      `INSERT INTO products (business_id, sku, name, kind, unit, description, currency, sales_price_minor,
                             purchase_cost_minor, tax_rate_id, track_stock, active)
       SELECT $1, r.sku, r.name, r.kind, r.unit, r.description, r.currency, r.sales_price_minor,
              r.purchase_cost_minor, r.tax_rate_id, r.track_stock, r.active
         FROM jsonb_to_recordset($2::jsonb) AS r(sku text, name text, kind text, unit text, description text,
              currency text, sales_price_minor bigint, purchase_cost_minor bigint, tax_rate_id uuid,
              track_stock boolean, active boolean)
       RETURNING id`,
      [t.businessId, JSON.stringify(records)],
    );
    return inserted.map((r) => r.id);
  }

  async update(t: TenantTx, id: string, changes: Partial<Omit<ProductValues, 'currency'>>): Promise<void> {
    const keys = (Object.keys(changes) as (keyof typeof COLUMN_OF)[]).filter((k) => changes[k] !== undefined);
    if (keys.length === 0) return;
    const sets = keys.map((k, i) => `${COLUMN_OF[k]} = $${i + 3}`);
    const values = keys.map((k) => {
      const v = changes[k];
      return typeof v === 'bigint' ? v.toString() : v;
    });
    await t.execute(`UPDATE products SET ${sets.join(', ')}, updated_at = now() WHERE business_id = $1 AND id = $2`, [
      t.businessId,
      id,
      ...values,
    ]);
  }

  /** Throws PostgreSQL's 23503 when a document still refers to the product. */
  async delete(t: TenantTx, id: string): Promise<number> {
    return t.execute(`DELETE FROM products WHERE business_id = $1 AND id = $2`, [t.businessId, id]);
  }
}
