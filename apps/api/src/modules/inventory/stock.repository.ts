import { Injectable } from '@nestjs/common';
import type { TenantTx } from '../../db/db';
import { qtySql, toQty } from './quantity';
import type { Layer, ValuationMethod } from './valuation';

export interface InventorySettingsRow {
  valuationMethod: ValuationMethod;
  allowNegativeStock: boolean;
}

export interface LevelRow {
  id: string;
  productId: string;
  locationId: string;
  quantity: bigint;
  value: bigint;
  reserved: bigint;
  lastReceipt: { value: bigint; quantity: bigint } | null;
}

export type OperationKind = 'receipt' | 'shipment' | 'transfer' | 'adjustment' | 'count';
export type MovementKind = 'receipt' | 'shipment' | 'transfer_out' | 'transfer_in' | 'adjustment' | 'count';

export interface OperationValues {
  kind: OperationKind;
  eventKey: string;
  date: string;
  locationId: string;
  toLocationId: string | null;
  reason: string | null;
  description: string;
  sourceType: string;
  sourceId: string | null;
  journalEntryId: string | null;
  createdBy: string | null;
}

export interface MovementValues {
  id: string;
  kind: MovementKind;
  productId: string;
  locationId: string;
  quantity: bigint;
  valueMinor: bigint;
  priceDifferenceMinor: bigint;
  quantityAfter: bigint;
  valueAfterMinor: bigint;
  sourceLineId: string | null;
}

export interface MovementRow {
  id: string;
  seq: string;
  operationId: string;
  kind: MovementKind;
  productId: string;
  locationId: string;
  quantity: bigint;
  valueMinor: bigint;
  priceDifferenceMinor: bigint;
  sourceLineId: string | null;
}

export interface ReservationRow {
  id: string;
  productId: string;
  locationId: string;
  quantity: bigint;
  sourceType: string;
  sourceId: string;
  sourceLineId: string;
}

const pairKey = (productId: string, locationId: string) => `${productId}/${locationId}`;

/** The tables of the inventory engine. Levels are read FOR UPDATE: the lock serialises all stock changes of a pair. */
@Injectable()
export class StockRepository {
  async settings(t: TenantTx): Promise<InventorySettingsRow> {
    const [row] = await t.query<InventorySettingsRow>(
      `SELECT valuation_method AS "valuationMethod", allow_negative_stock AS "allowNegativeStock"
         FROM inventory_settings WHERE business_id = $1`,
      [t.businessId],
    );
    return row ?? { valuationMethod: 'moving_average', allowNegativeStock: false };
  }

  /** The settings row and a default location for a new business; safe to call again. */
  async ensureDefaults(t: TenantTx): Promise<void> {
    await t.query(`INSERT INTO inventory_settings (business_id) VALUES ($1) ON CONFLICT DO NOTHING`, [t.businessId]);
    await t.query(
      `INSERT INTO locations (business_id, code, name, is_default)
       SELECT $1::uuid, 'MAIN', 'Main warehouse', true WHERE NOT EXISTS (SELECT 1 FROM locations WHERE business_id = $1::uuid)`,
      [t.businessId],
    );
  }

  async lockSettings(t: TenantTx): Promise<void> {
    await t.query(`SELECT 1 FROM inventory_settings WHERE business_id = $1 FOR UPDATE`, [t.businessId]);
  }

  async updateSettings(t: TenantTx, s: InventorySettingsRow): Promise<void> {
    await t.execute(
      `UPDATE inventory_settings SET valuation_method = $2, allow_negative_stock = $3, updated_at = now() WHERE business_id = $1`,
      [t.businessId, s.valuationMethod, s.allowNegativeStock],
    );
  }

  async hasMovements(t: TenantTx): Promise<boolean> {
    const rows = await t.query(`SELECT 1 FROM stock_movements WHERE business_id = $1 LIMIT 1`, [t.businessId]);
    return rows.length > 0;
  }

  /**
   * Locks the level of every (product, location) pair, creating missing ones. Pairs are locked in
   * one sorted order everywhere, so two operations touching the same pairs cannot deadlock.
   */
  async lockLevels(t: TenantTx, pairs: { productId: string; locationId: string }[]): Promise<Map<string, LevelRow>> {
    const unique = [...new Map(pairs.map((p) => [pairKey(p.productId, p.locationId), p])).values()].sort((a, b) =>
      pairKey(a.productId, a.locationId) < pairKey(b.productId, b.locationId) ? -1 : 1,
    );
    const levels = new Map<string, LevelRow>();
    for (const p of unique) {
      await t.query(
        `INSERT INTO stock_levels (business_id, product_id, location_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
        [t.businessId, p.productId, p.locationId],
      );
      const [row] = await t.query<{
        id: string;
        quantity: string;
        value: string;
        reserved: string;
        lastValue: string | null;
        lastQuantity: string | null;
      }>(
        `SELECT id, quantity::text, value_minor::text AS value, reserved::text,
                last_receipt_value_minor::text AS "lastValue", last_receipt_quantity::text AS "lastQuantity"
           FROM stock_levels WHERE business_id = $1 AND product_id = $2 AND location_id = $3 FOR UPDATE`,
        [t.businessId, p.productId, p.locationId],
      );
      levels.set(pairKey(p.productId, p.locationId), {
        id: row.id,
        productId: p.productId,
        locationId: p.locationId,
        quantity: toQty(row.quantity),
        value: BigInt(row.value),
        reserved: toQty(row.reserved),
        lastReceipt:
          row.lastValue !== null && row.lastQuantity !== null
            ? { value: BigInt(row.lastValue), quantity: toQty(row.lastQuantity) }
            : null,
      });
    }
    return levels;
  }

  async saveLevel(t: TenantTx, l: LevelRow): Promise<void> {
    await t.execute(
      `UPDATE stock_levels SET quantity = $3::numeric, value_minor = $4, reserved = $5::numeric,
              last_receipt_value_minor = $6, last_receipt_quantity = $7::numeric, updated_at = now()
        WHERE business_id = $1 AND id = $2`,
      [
        t.businessId,
        l.id,
        qtySql(l.quantity),
        l.value.toString(),
        qtySql(l.reserved),
        l.lastReceipt ? l.lastReceipt.value.toString() : null,
        l.lastReceipt ? qtySql(l.lastReceipt.quantity) : null,
      ],
    );
  }

  /** Open FIFO layers of a pair, oldest first (the caller holds the pair's level lock). */
  async openLayers(t: TenantTx, productId: string, locationId: string): Promise<Layer[]> {
    const rows = await t.query<{ id: string; quantity: string; value: string }>(
      `SELECT id, quantity_remaining::text AS quantity, value_remaining_minor::text AS value
         FROM stock_layers WHERE business_id = $1 AND product_id = $2 AND location_id = $3 AND quantity_remaining > 0
        ORDER BY seq, id`,
      [t.businessId, productId, locationId],
    );
    return rows.map((r) => ({ id: r.id, quantity: toQty(r.quantity), value: BigInt(r.value) }));
  }

  async insertLayer(
    t: TenantTx,
    l: { id: string; productId: string; locationId: string; movementId: string; seq: string; quantity: bigint; value: bigint },
  ): Promise<void> {
    await t.query(
      `INSERT INTO stock_layers (business_id, id, product_id, location_id, movement_id, seq, quantity_in, value_in_minor,
                                 quantity_remaining, value_remaining_minor)
       VALUES ($1, $2, $3, $4, $5, $6, $7::numeric, $8, $7::numeric, $8)`,
      [t.businessId, l.id, l.productId, l.locationId, l.movementId, l.seq, qtySql(l.quantity), l.value.toString()],
    );
  }

  async takeFromLayer(t: TenantTx, movementId: string, take: Layer): Promise<void> {
    await t.execute(
      `UPDATE stock_layers SET quantity_remaining = quantity_remaining - $3::numeric, value_remaining_minor = value_remaining_minor - $4
        WHERE business_id = $1 AND id = $2`,
      [t.businessId, take.id, qtySql(take.quantity), take.value.toString()],
    );
    await t.query(
      `INSERT INTO stock_layer_takes (business_id, movement_id, layer_id, quantity, value_minor) VALUES ($1, $2, $3, $4::numeric, $5)`,
      [t.businessId, movementId, take.id, qtySql(take.quantity), take.value.toString()],
    );
  }

  async operationIdByEventKey(t: TenantTx, eventKey: string): Promise<string | null> {
    const [row] = await t.query<{ id: string }>(`SELECT id FROM stock_operations WHERE business_id = $1 AND event_key = $2`, [
      t.businessId,
      eventKey,
    ]);
    return row?.id ?? null;
  }

  async insertOperation(t: TenantTx, o: OperationValues): Promise<string> {
    const [row] = await t.query<{ id: string }>(
      `INSERT INTO stock_operations (business_id, kind, event_key, operation_date, location_id, to_location_id, reason,
                                     description, source_type, source_id, journal_entry_id, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        t.businessId,
        o.kind,
        o.eventKey,
        o.date,
        o.locationId,
        o.toLocationId,
        o.reason,
        o.description,
        o.sourceType,
        o.sourceId,
        o.journalEntryId,
        o.createdBy,
      ],
    );
    return row.id;
  }

  /** Inserts a movement and returns its sequence number (the order running balances follow). */
  async insertMovement(t: TenantTx, operationId: string, date: string, m: MovementValues): Promise<string> {
    const [row] = await t.query<{ seq: string }>(
      `INSERT INTO stock_movements (business_id, id, operation_id, kind, product_id, location_id, movement_date, quantity,
                                    value_minor, price_difference_minor, quantity_after, value_after_minor, source_line_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::numeric, $9, $10, $11::numeric, $12, $13) RETURNING seq::text`,
      [
        t.businessId,
        m.id,
        operationId,
        m.kind,
        m.productId,
        m.locationId,
        date,
        qtySql(m.quantity),
        m.valueMinor.toString(),
        m.priceDifferenceMinor.toString(),
        qtySql(m.quantityAfter),
        m.valueAfterMinor.toString(),
        m.sourceLineId,
      ],
    );
    return row.seq;
  }

  async movementsOf(t: TenantTx, operationId: string): Promise<MovementRow[]> {
    const rows = await t.query<Omit<MovementRow, 'quantity' | 'valueMinor' | 'priceDifferenceMinor'> & {
      quantity: string;
      valueMinor: string;
      priceDifferenceMinor: string;
    }>(
      `SELECT id, seq::text, operation_id AS "operationId", kind, product_id AS "productId", location_id AS "locationId",
              quantity::text, value_minor::text AS "valueMinor", price_difference_minor::text AS "priceDifferenceMinor",
              source_line_id AS "sourceLineId"
         FROM stock_movements WHERE business_id = $1 AND operation_id = $2 ORDER BY seq`,
      [t.businessId, operationId],
    );
    return rows.map((r) => ({
      ...r,
      quantity: toQty(r.quantity),
      valueMinor: BigInt(r.valueMinor),
      priceDifferenceMinor: BigInt(r.priceDifferenceMinor),
    }));
  }

  async journalEntryOf(t: TenantTx, operationId: string): Promise<string | null> {
    const [row] = await t.query<{ journalEntryId: string | null }>(
      `SELECT journal_entry_id AS "journalEntryId" FROM stock_operations WHERE business_id = $1 AND id = $2`,
      [t.businessId, operationId],
    );
    return row?.journalEntryId ?? null;
  }

  /** The pairs among these that a reorder rule watches (deduplicated). */
  async watchedPairs(t: TenantTx, pairs: { productId: string; locationId: string }[]): Promise<{ productId: string; locationId: string }[]> {
    if (pairs.length === 0) return [];
    return t.query<{ productId: string; locationId: string }>(
      `SELECT r.product_id AS "productId", r.location_id AS "locationId" FROM reorder_rules r
        WHERE r.business_id = $1
          AND (r.product_id, r.location_id) IN (SELECT * FROM unnest($2::uuid[], $3::uuid[]))`,
      [t.businessId, pairs.map((p) => p.productId), pairs.map((p) => p.locationId)],
    );
  }

  async productHoldsStock(t: TenantTx, productId: string): Promise<boolean> {
    const rows = await t.query(
      `SELECT 1 FROM stock_levels WHERE business_id = $1 AND product_id = $2 AND (quantity <> 0 OR reserved <> 0) LIMIT 1`,
      [t.businessId, productId],
    );
    return rows.length > 0;
  }

  async reservation(t: TenantTx, id: string, opts: { lock?: boolean } = {}): Promise<ReservationRow | null> {
    const [row] = await t.query<Omit<ReservationRow, 'quantity'> & { quantity: string }>(
      `SELECT id, product_id AS "productId", location_id AS "locationId", quantity::text, source_type AS "sourceType",
              source_id AS "sourceId", source_line_id AS "sourceLineId"
         FROM stock_reservations WHERE business_id = $1 AND id = $2 ${opts.lock ? 'FOR UPDATE' : ''}`,
      [t.businessId, id],
    );
    return row ? { ...row, quantity: toQty(row.quantity) } : null;
  }

  async reservationBySourceLine(t: TenantTx, sourceType: string, sourceLineId: string): Promise<ReservationRow | null> {
    const [row] = await t.query<{ id: string }>(
      `SELECT id FROM stock_reservations WHERE business_id = $1 AND source_type = $2 AND source_line_id = $3`,
      [t.businessId, sourceType, sourceLineId],
    );
    return row ? this.reservation(t, row.id, { lock: true }) : null;
  }

  async insertReservation(t: TenantTx, r: Omit<ReservationRow, 'id'>): Promise<string> {
    const [row] = await t.query<{ id: string }>(
      `INSERT INTO stock_reservations (business_id, product_id, location_id, quantity, source_type, source_id, source_line_id)
       VALUES ($1, $2, $3, $4::numeric, $5, $6, $7) RETURNING id`,
      [t.businessId, r.productId, r.locationId, qtySql(r.quantity), r.sourceType, r.sourceId, r.sourceLineId],
    );
    return row.id;
  }

  async setReservationQuantity(t: TenantTx, id: string, quantity: bigint): Promise<void> {
    await t.execute(`UPDATE stock_reservations SET quantity = $3::numeric, updated_at = now() WHERE business_id = $1 AND id = $2`, [
      t.businessId,
      id,
      qtySql(quantity),
    ]);
  }
}

export { pairKey };
