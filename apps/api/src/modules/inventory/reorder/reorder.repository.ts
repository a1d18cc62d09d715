import { Injectable } from '@nestjs/common';
import type { Tx, TenantTx } from '../../../db/db';
import type { KeysetCursor } from '../../../common/pagination';
import { likePattern } from '../../catalog/sorted-page';
import { qtySql } from '../quantity';
import type { CLOSED_REASONS, SuggestionStatus } from './reorder.dto';

export interface RuleRow {
  id: string;
  productId: string;
  sku: string;
  productName: string;
  unit: string;
  locationId: string;
  locationCode: string;
  locationName: string;
  reorderPoint: string;
  reorderQuantity: string;
  supplierId: string | null;
  supplierName: string | null;
  episode: number;
  lowSince: Date | null;
  onHand: string;
  reserved: string;
  /** The product tracks stock, is active, and the location is not archived: the rule applies. */
  applies: boolean;
  sortName: string;
}

export interface SuggestionRow {
  id: string;
  status: SuggestionStatus;
  closedReason: (typeof CLOSED_REASONS)[number] | null;
  ruleId: string | null;
  productId: string;
  sku: string;
  productName: string;
  unit: string;
  purchaseCostMinor: string | null;
  locationId: string;
  locationCode: string;
  locationName: string;
  supplierId: string | null;
  supplierName: string | null;
  quantity: string;
  availableQuantity: string;
  reorderPoint: string;
  availableNow: string;
  purchaseOrderId: string | null;
  createdAt: Date;
  closedAt: Date | null;
  cursorAt: string;
}

const RULE_COLUMNS = `r.id, r.product_id AS "productId", p.sku, p.name AS "productName", p.unit,
  r.location_id AS "locationId", l.code AS "locationCode", l.name AS "locationName",
  r.reorder_point::text AS "reorderPoint", r.reorder_quantity::text AS "reorderQuantity",
  r.preferred_supplier_id AS "supplierId", c.name AS "supplierName", r.episode, r.low_since AS "lowSince",
  coalesce(s.quantity, 0)::text AS "onHand", coalesce(s.reserved, 0)::text AS "reserved",
  (p.track_stock AND p.active AND l.archived_at IS NULL) AS applies, lower(p.name) AS "sortName"`;
const RULE_FROM = `reorder_rules r
  JOIN products p ON p.business_id = r.business_id AND p.id = r.product_id
  JOIN locations l ON l.business_id = r.business_id AND l.id = r.location_id
  LEFT JOIN contacts c ON c.business_id = r.business_id AND c.id = r.preferred_supplier_id
  LEFT JOIN stock_levels s ON s.business_id = r.business_id AND s.product_id = r.product_id AND s.location_id = r.location_id`;
const AVAILABLE = '(coalesce(s.quantity, 0) - coalesce(s.reserved, 0))';
/** A rule in step has an open episode exactly when it applies and available is at or below its point. */
const LOW = `(p.track_stock AND p.active AND l.archived_at IS NULL AND ${AVAILABLE} <= r.reorder_point)`;

const SUGGESTION_COLUMNS = `g.id, g.status, g.closed_reason AS "closedReason", g.rule_id AS "ruleId",
  g.product_id AS "productId", p.sku, p.name AS "productName", p.unit, p.purchase_cost_minor::text AS "purchaseCostMinor",
  g.location_id AS "locationId", l.code AS "locationCode", l.name AS "locationName",
  g.supplier_id AS "supplierId", c.name AS "supplierName", g.quantity::text, g.available_quantity::text AS "availableQuantity",
  g.reorder_point::text AS "reorderPoint", ${AVAILABLE}::text AS "availableNow", g.purchase_order_id AS "purchaseOrderId",
  g.created_at AS "createdAt", g.closed_at AS "closedAt", g.created_at::text AS "cursorAt"`;
const SUGGESTION_FROM = `reorder_suggestions g
  JOIN products p ON p.business_id = g.business_id AND p.id = g.product_id
  JOIN locations l ON l.business_id = g.business_id AND l.id = g.location_id
  LEFT JOIN contacts c ON c.business_id = g.business_id AND c.id = g.supplier_id
  LEFT JOIN stock_levels s ON s.business_id = g.business_id AND s.product_id = g.product_id AND s.location_id = g.location_id`;

@Injectable()
export class ReorderRepository {
  async insertRule(
    t: TenantTx,
    r: { productId: string; locationId: string; reorderPoint: bigint; reorderQuantity: bigint; supplierId: string | null },
  ): Promise<string | null> {
    const [row] = await t.query<{ id: string }>(
      `INSERT INTO reorder_rules (business_id, product_id, location_id, reorder_point, reorder_quantity, preferred_supplier_id)
       VALUES ($1, $2, $3, $4::numeric, $5::numeric, $6) ON CONFLICT (business_id, product_id, location_id) DO NOTHING RETURNING id`,
      [t.businessId, r.productId, r.locationId, qtySql(r.reorderPoint), qtySql(r.reorderQuantity), r.supplierId],
    );
    return row?.id ?? null;
  }

  async updateRule(t: TenantTx, id: string, r: { reorderPoint: bigint; reorderQuantity: bigint; supplierId: string | null }): Promise<void> {
    await t.execute(
      `UPDATE reorder_rules SET reorder_point = $3::numeric, reorder_quantity = $4::numeric, preferred_supplier_id = $5, updated_at = now()
        WHERE business_id = $1 AND id = $2`,
      [t.businessId, id, qtySql(r.reorderPoint), qtySql(r.reorderQuantity), r.supplierId],
    );
  }

  async deleteRule(t: TenantTx, id: string): Promise<void> {
    await t.execute(`DELETE FROM reorder_rules WHERE business_id = $1 AND id = $2`, [t.businessId, id]);
  }

  async rule(t: TenantTx, id: string): Promise<RuleRow | null> {
    const [row] = await t.query<RuleRow>(`SELECT ${RULE_COLUMNS} FROM ${RULE_FROM} WHERE r.business_id = $1 AND r.id = $2`, [t.businessId, id]);
    return row ?? null;
  }

  async rules(
    t: TenantTx,
    f: { locationId?: string; productId?: string; q?: string; lowOnly: boolean; after: { name: string; id: string } | null; limit: number },
  ): Promise<RuleRow[]> {
    const params: unknown[] = [t.businessId];
    const where = [`r.business_id = $1`];
    if (f.locationId) where.push(`r.location_id = $${params.push(f.locationId)}`);
    if (f.productId) where.push(`r.product_id = $${params.push(f.productId)}`);
    if (f.q) where.push(`(p.sku ILIKE $${params.push(likePattern(f.q))} OR p.name ILIKE $${params.length})`);
    if (f.lowOnly) where.push(LOW);
    if (f.after) {
      where.push(`(lower(p.name) COLLATE "C", r.id) > ($${params.push(f.after.name)} COLLATE "C", $${params.push(f.after.id)}::uuid)`);
    }
    return t.query<RuleRow>(
      `SELECT ${RULE_COLUMNS} FROM ${RULE_FROM} WHERE ${where.join(' AND ')}
        ORDER BY lower(p.name) COLLATE "C", r.id LIMIT $${params.push(f.limit + 1)}`,
      params,
    );
  }

  /**
   * Locks the rules to evaluate, in id order (so two evaluations cannot deadlock), and returns
   * their ids: the given rules, the rules watching the given pairs, or every rule out of step.
   * The caller reads their stock afterwards, in a statement that sees what committed while it waited.
   */
  async lockRules(t: TenantTx, scope: { ruleIds?: string[]; pairs?: { productId: string; locationId: string }[] }): Promise<string[]> {
    const params: unknown[] = [t.businessId];
    let where: string;
    if (scope.ruleIds) where = `r.id = ANY($${params.push(scope.ruleIds)}::uuid[])`;
    else if (scope.pairs) {
      where = `(r.product_id, r.location_id) IN (SELECT * FROM unnest($${params.push(scope.pairs.map((p) => p.productId))}::uuid[], $${params.push(
        scope.pairs.map((p) => p.locationId),
      )}::uuid[]))`;
    } else {
      where = `r.id IN (SELECT r.id FROM ${RULE_FROM} WHERE r.business_id = $1 AND ${LOW} <> (r.low_since IS NOT NULL))`;
    }
    const rows = await t.query<{ id: string }>(
      `SELECT r.id FROM reorder_rules r WHERE r.business_id = $1 AND ${where} ORDER BY r.id FOR UPDATE OF r`,
      params,
    );
    return rows.map((r) => r.id);
  }

  async rulesByIds(t: TenantTx, ids: string[]): Promise<RuleRow[]> {
    if (ids.length === 0) return [];
    return t.query<RuleRow>(`SELECT ${RULE_COLUMNS} FROM ${RULE_FROM} WHERE r.business_id = $1 AND r.id = ANY($2::uuid[]) ORDER BY r.id`, [
      t.businessId,
      ids,
    ]);
  }

  async openEpisode(t: TenantTx, ruleId: string, episode: number): Promise<void> {
    await t.execute(`UPDATE reorder_rules SET episode = $3, low_since = now() WHERE business_id = $1 AND id = $2`, [t.businessId, ruleId, episode]);
  }

  async closeEpisode(t: TenantTx, ruleId: string): Promise<void> {
    await t.execute(`UPDATE reorder_rules SET low_since = NULL WHERE business_id = $1 AND id = $2`, [t.businessId, ruleId]);
  }

  async insertSuggestion(
    t: TenantTx,
    g: {
      ruleId: string;
      episode: number;
      productId: string;
      locationId: string;
      supplierId: string | null;
      quantity: bigint;
      available: bigint;
      reorderPoint: bigint;
    },
  ): Promise<string | null> {
    const [row] = await t.query<{ id: string }>(
      `INSERT INTO reorder_suggestions (business_id, rule_id, episode, product_id, location_id, supplier_id, quantity,
                                        available_quantity, reorder_point)
       VALUES ($1, $2, $3, $4, $5, $6, $7::numeric, $8::numeric, $9::numeric)
       ON CONFLICT (business_id, rule_id, episode) DO NOTHING RETURNING id`,
      [t.businessId, g.ruleId, g.episode, g.productId, g.locationId, g.supplierId, qtySql(g.quantity), qtySql(g.available), qtySql(g.reorderPoint)],
    );
    return row?.id ?? null;
  }

  /** Keeps a rule's open suggestion in step with the rule (quantity and supplier). */
  async refreshOpenSuggestion(t: TenantTx, ruleId: string, r: { quantity: bigint; supplierId: string | null }): Promise<void> {
    await t.execute(
      `UPDATE reorder_suggestions SET quantity = $3::numeric, supplier_id = $4 WHERE business_id = $1 AND rule_id = $2 AND status = 'open'`,
      [t.businessId, ruleId, qtySql(r.quantity), r.supplierId],
    );
  }

  async closeOpenSuggestions(t: TenantTx, ruleId: string, reason: 'stock_recovered' | 'rule_removed', userId: string | null): Promise<number> {
    return t.execute(
      `UPDATE reorder_suggestions SET status = 'dismissed', closed_reason = $3, closed_at = now(), closed_by = $4
        WHERE business_id = $1 AND rule_id = $2 AND status = 'open'`,
      [t.businessId, ruleId, reason, userId],
    );
  }

  async suggestion(t: TenantTx, id: string, opts: { lock?: boolean } = {}): Promise<SuggestionRow | null> {
    const [row] = await t.query<SuggestionRow>(
      `SELECT ${SUGGESTION_COLUMNS} FROM ${SUGGESTION_FROM} WHERE g.business_id = $1 AND g.id = $2 ${opts.lock ? 'FOR UPDATE OF g' : ''}`,
      [t.businessId, id],
    );
    return row ?? null;
  }

  async suggestions(t: TenantTx, f: { status: SuggestionStatus; locationId?: string; after: KeysetCursor | null; limit: number }) {
    const params: unknown[] = [t.businessId, f.status];
    const where = [`g.business_id = $1`, `g.status = $2`];
    if (f.locationId) where.push(`g.location_id = $${params.push(f.locationId)}`);
    if (f.after) where.push(`(g.created_at, g.id) < ($${params.push(f.after.at)}::timestamptz, $${params.push(f.after.id)}::uuid)`);
    return t.query<SuggestionRow>(
      `SELECT ${SUGGESTION_COLUMNS} FROM ${SUGGESTION_FROM} WHERE ${where.join(' AND ')}
        ORDER BY g.created_at DESC, g.id DESC LIMIT $${params.push(f.limit + 1)}`,
      params,
    );
  }

  async dismiss(t: TenantTx, id: string, userId: string): Promise<void> {
    await t.execute(
      `UPDATE reorder_suggestions SET status = 'dismissed', closed_reason = 'dismissed', closed_at = now(), closed_by = $3
        WHERE business_id = $1 AND id = $2`,
      [t.businessId, id, userId],
    );
  }

  async markConverted(t: TenantTx, id: string, p: { purchaseOrderId: string; supplierId: string; quantity: bigint; userId: string }): Promise<void> {
    await t.execute(
      `UPDATE reorder_suggestions SET status = 'converted', closed_reason = 'converted', closed_at = now(), closed_by = $3,
              purchase_order_id = $4, supplier_id = $5, quantity = $6::numeric
        WHERE business_id = $1 AND id = $2`,
      [t.businessId, id, p.userId, p.purchaseOrderId, p.supplierId, qtySql(p.quantity)],
    );
  }

  /** Across businesses, through the SECURITY DEFINER function: businesses with a rule out of step. */
  async businessesOutOfStep(tx: Tx, limit: number): Promise<string[]> {
    const rows = await tx.query<{ businessId: string }>(`SELECT business_id AS "businessId" FROM reorder_rules_out_of_step($1)`, [limit]);
    return rows.map((r) => r.businessId);
  }
}
