import { Injectable } from '@nestjs/common';
import { money } from '@keeper/money';
import { randomUUID } from 'node:crypto';
import { DomainError, notFound, validationFailed, type FieldError } from '../../common/errors';
import type { TenantTx } from '../../db/db';
import { ProductsRepository } from '../catalog/products/products.repository';
import type { SystemAccountKey } from '../ledger/chart';
import { LedgerService, type PostingLine } from '../ledger/ledger.service';
import { OutboxService } from '../outbox/outbox.service';
import { LocationsRepository } from './locations.repository';
import { ONE_UNIT, qtyText } from './quantity';
import {
  pairKey,
  StockRepository,
  type LevelRow,
  type MovementKind,
  type MovementRow,
  type OperationKind,
} from './stock.repository';
import { currentRate, issue, receive, valueAt, type LevelState, type Rate } from './valuation';

/** What every stock operation says about itself. `eventKey` makes it happen at most once. */
export interface OperationMeta {
  eventKey: string;
  /** YYYY-MM-DD: the date of the movements and of their journal entry. */
  date: string;
  description: string;
  sourceType: string;
  sourceId?: string | null;
  userId?: string | null;
}

export interface ReceiptInput extends OperationMeta {
  locationId: string;
  /** Value in the base currency's minor units (what the goods cost, e.g. at the order's price and rate). */
  lines: { productId: string; quantity: bigint; valueMinor: bigint; sourceLineId?: string | null }[];
  /** The account credited with the value: goods received not invoiced, opening balance equity, ... */
  counterAccount: SystemAccountKey;
}

export interface ShipmentInput extends OperationMeta {
  locationId: string;
  /** A line may consume its own reservation (reservationId) instead of free stock. */
  lines: { productId: string; quantity: bigint; reservationId?: string | null; sourceLineId?: string | null }[];
  /** The account debited with the cost; cost of goods sold unless stated. */
  counterAccount?: SystemAccountKey;
}

export interface TransferInput extends OperationMeta {
  fromLocationId: string;
  toLocationId: string;
  lines: { productId: string; quantity: bigint }[];
}

export interface AdjustmentInput extends OperationMeta {
  locationId: string;
  reason: string;
  /** Signed change. An increase is valued at unitCostMinor when given, else at the current cost. */
  lines: { productId: string; quantityChange: bigint; unitCostMinor?: bigint | null }[];
}

export interface CountInput extends OperationMeta {
  locationId: string;
  reason?: string | null;
  /** What was counted; the difference to the books becomes a 'count' movement. */
  lines: { productId: string; countedQuantity: bigint; sourceLineId?: string | null }[];
}

export interface OperationResult {
  operationId: string;
  journalEntryId: string | null;
  /** Whether this call did it (false: the event had already been recorded and nothing changed). */
  created: boolean;
  movements: MovementRow[];
}

/** One requested change to one level, in the order it is applied. */
interface Step {
  kind: MovementKind;
  productId: string;
  locationId: string;
  /** Positive: in. Negative: out. */
  quantity: bigint;
  /** For ins: the value brought in (null: at the level's current cost). */
  valueMinor: bigint | null;
  reservationId?: string | null;
  sourceLineId?: string | null;
  /** Field path for errors, e.g. lines.2.quantity. */
  field: string;
  /** Outs that may use reserved stock up to this much (the line's own reservation). */
  checkAvailable: boolean;
}

interface Plan {
  kind: OperationKind;
  locationId: string;
  toLocationId: string | null;
  reason: string | null;
  steps: Step[];
  counterAccount: SystemAccountKey | null;
  priceDifferenceAccount: SystemAccountKey;
}

const insufficient = (field: string, available: bigint, unit: string) =>
  validationFailed([{ field, code: 'insufficient_stock', message: `only ${qtyText(available)} ${unit} available` }]);

/**
 * The inventory engine: the only writer of stock movements, levels and cost layers. Callers run it
 * inside their own tenant transaction (a sales shipment, a purchase receipt, a manual adjustment),
 * so the stock, the document and the journal entry commit together or not at all.
 */
@Injectable()
export class StockService {
  constructor(
    private readonly stock: StockRepository,
    private readonly locations: LocationsRepository,
    private readonly products: ProductsRepository,
    private readonly ledger: LedgerService,
    private readonly outbox: OutboxService,
  ) {}

  ensureDefaults(t: TenantTx): Promise<void> {
    return this.stock.ensureDefaults(t);
  }

  receive(t: TenantTx, i: ReceiptInput): Promise<OperationResult> {
    return this.run(t, i, {
      kind: 'receipt',
      locationId: i.locationId,
      toLocationId: null,
      reason: null,
      counterAccount: i.counterAccount,
      priceDifferenceAccount: 'cost_of_goods_sold',
      steps: i.lines.map((l, n) => {
        if (l.valueMinor < 0n) throw validationFailed([{ field: `lines.${n}.value`, code: 'min', message: 'must not be negative' }]);
        return step('receipt', l.productId, i.locationId, l.quantity, n, { valueMinor: l.valueMinor, sourceLineId: l.sourceLineId });
      }),
    });
  }

  ship(t: TenantTx, i: ShipmentInput): Promise<OperationResult> {
    return this.run(t, i, {
      kind: 'shipment',
      locationId: i.locationId,
      toLocationId: null,
      reason: null,
      counterAccount: i.counterAccount ?? 'cost_of_goods_sold',
      priceDifferenceAccount: 'cost_of_goods_sold',
      steps: i.lines.map((l, n) =>
        step('shipment', l.productId, i.locationId, -positive(l.quantity, n), n, {
          reservationId: l.reservationId,
          sourceLineId: l.sourceLineId,
          checkAvailable: true,
        }),
      ),
    });
  }

  transfer(t: TenantTx, i: TransferInput): Promise<OperationResult> {
    if (i.fromLocationId === i.toLocationId) {
      throw validationFailed([{ field: 'toLocationId', code: 'same_location', message: 'must differ from the source location' }]);
    }
    return this.run(t, i, {
      kind: 'transfer',
      locationId: i.fromLocationId,
      toLocationId: i.toLocationId,
      reason: null,
      counterAccount: null,
      priceDifferenceAccount: 'cost_of_goods_sold',
      steps: i.lines.flatMap((l, n) => [
        step('transfer_out', l.productId, i.fromLocationId, -positive(l.quantity, n), n, { checkAvailable: true }),
        // Valued by what left the source (filled in when the out is applied).
        step('transfer_in', l.productId, i.toLocationId, l.quantity, n),
      ]),
    });
  }

  adjust(t: TenantTx, i: AdjustmentInput): Promise<OperationResult> {
    return this.run(t, i, {
      kind: 'adjustment',
      locationId: i.locationId,
      toLocationId: null,
      reason: i.reason,
      counterAccount: 'inventory_adjustments',
      priceDifferenceAccount: 'inventory_adjustments',
      steps: i.lines.map((l, n) => {
        if (l.quantityChange === 0n) {
          throw validationFailed([{ field: `lines.${n}.quantityChange`, code: 'zero', message: 'must not be zero' }]);
        }
        const valueMinor =
          l.quantityChange > 0n && l.unitCostMinor != null ? valueAt({ value: l.unitCostMinor, quantity: ONE_UNIT }, l.quantityChange) : null;
        return step('adjustment', l.productId, i.locationId, l.quantityChange, n, { valueMinor });
      }),
    });
  }

  /** Posts a count: each line's difference to the books, at the current cost. Lines that agree move nothing. */
  async count(t: TenantTx, i: CountInput): Promise<OperationResult> {
    const existing = await this.existing(t, i.eventKey);
    if (existing) return existing;
    i.lines.forEach((l, n) => {
      if (l.countedQuantity < 0n) throw validationFailed([{ field: `lines.${n}.countedQuantity`, code: 'min', message: 'must not be negative' }]);
    });
    const levels = await this.stock.lockLevels(t, i.lines.map((l) => ({ productId: l.productId, locationId: i.locationId })));
    return this.run(t, i, {
      kind: 'count',
      locationId: i.locationId,
      toLocationId: null,
      reason: i.reason ?? null,
      counterAccount: 'inventory_adjustments',
      priceDifferenceAccount: 'inventory_adjustments',
      steps: i.lines.flatMap((l, n) => {
        const change = l.countedQuantity - levels.get(pairKey(l.productId, i.locationId))!.quantity;
        return change === 0n ? [] : [step('count', l.productId, i.locationId, change, n, { sourceLineId: l.sourceLineId })];
      }),
    });
  }

  /**
   * Holds stock for a document line. Reserves what is available, up to `quantity`; with
   * `partial: false` it reserves all or refuses with INSUFFICIENT_STOCK. Calling it again for the
   * same line tops the reservation up to `quantity` (or lowers it).
   */
  async reserve(
    t: TenantTx,
    r: { productId: string; locationId: string; quantity: bigint; sourceType: string; sourceId: string; sourceLineId: string; partial: boolean; field?: string },
  ): Promise<{ reservationId: string; reserved: bigint }> {
    await this.requireStocked(t, r.productId, r.field ?? 'productId');
    await this.requireLocation(t, r.locationId, 'locationId', { forIncoming: true });
    const levels = await this.stock.lockLevels(t, [{ productId: r.productId, locationId: r.locationId }]);
    const level = levels.get(pairKey(r.productId, r.locationId))!;
    const current = await this.stock.reservationBySourceLine(t, r.sourceType, r.sourceLineId);
    if (current && (current.productId !== r.productId || current.locationId !== r.locationId)) {
      throw new DomainError('CONFLICT', 'This line already holds stock of another product or location; release it first');
    }
    const held = current?.quantity ?? 0n;
    const available = level.quantity - level.reserved + held;
    const want = r.quantity < 0n ? 0n : r.quantity;
    const reserved = want <= available ? want : available > 0n ? available : 0n;
    if (!r.partial && reserved < want) {
      const unit = (await this.products.get(t, r.productId))?.unit ?? '';
      throw new DomainError('INSUFFICIENT_STOCK', `Only ${qtyText(available > 0n ? available : 0n)} ${unit} available`, {
        fields: [{ field: r.field ?? 'quantity', code: 'insufficient_stock', message: `only ${qtyText(available > 0n ? available : 0n)} ${unit} available` }],
      });
    }
    level.reserved += reserved - held;
    await this.stock.saveLevel(t, level);
    if (reserved !== held) await this.queueReorderCheck(t, [level]);
    if (current) {
      await this.stock.setReservationQuantity(t, current.id, reserved);
      return { reservationId: current.id, reserved };
    }
    const reservationId = await this.stock.insertReservation(t, {
      productId: r.productId,
      locationId: r.locationId,
      quantity: reserved,
      sourceType: r.sourceType,
      sourceId: r.sourceId,
      sourceLineId: r.sourceLineId,
    });
    return { reservationId, reserved };
  }

  /** Releases `quantity` of a reservation, or all of it. */
  async release(t: TenantTx, reservationId: string, quantity?: bigint): Promise<void> {
    const r = await this.stock.reservation(t, reservationId);
    if (!r) throw notFound('Reservation');
    const levels = await this.stock.lockLevels(t, [{ productId: r.productId, locationId: r.locationId }]);
    const locked = (await this.stock.reservation(t, reservationId, { lock: true }))!;
    const release = quantity === undefined || quantity > locked.quantity ? locked.quantity : quantity;
    if (release <= 0n) return;
    const level = levels.get(pairKey(r.productId, r.locationId))!;
    level.reserved -= release;
    await this.stock.saveLevel(t, level);
    await this.stock.setReservationQuantity(t, reservationId, locked.quantity - release);
    await this.queueReorderCheck(t, [level]);
  }

  /** Whether the product has anything on hand, short or held at any location. */
  async productHoldsStock(t: TenantTx, productId: string): Promise<boolean> {
    return this.stock.productHoldsStock(t, productId);
  }

  /**
   * Available stock changed: the reorder rules watching these products and locations are
   * re-evaluated after commit (job 'stock.check-reorder'), with nothing written when no rule watches.
   */
  private async queueReorderCheck(t: TenantTx, pairs: { productId: string; locationId: string }[]): Promise<void> {
    const watched = await this.stock.watchedPairs(t, pairs);
    if (watched.length > 0) await this.outbox.add(t, 'stock.check-reorder', { businessId: t.businessId, pairs: watched });
  }

  private async existing(t: TenantTx, eventKey: string): Promise<OperationResult | null> {
    const id = await this.stock.operationIdByEventKey(t, eventKey);
    if (!id) return null;
    return { operationId: id, journalEntryId: await this.stock.journalEntryOf(t, id), created: false, movements: await this.stock.movementsOf(t, id) };
  }

  private async run(t: TenantTx, meta: OperationMeta, plan: Plan): Promise<OperationResult> {
    const before = await this.existing(t, meta.eventKey);
    if (before) return before;
    if (plan.steps.length === 0 && plan.kind !== 'count') {
      throw validationFailed([{ field: 'lines', code: 'empty', message: 'add at least one line' }]);
    }
    await this.requireLocation(t, plan.locationId, plan.kind === 'transfer' ? 'fromLocationId' : 'locationId', {
      forIncoming: plan.kind === 'receipt' || plan.kind === 'adjustment' || plan.kind === 'count',
    });
    if (plan.toLocationId) await this.requireLocation(t, plan.toLocationId, 'toLocationId', { forIncoming: true });
    const products = new Map<string, { unit: string; purchaseCostMinor: string | null }>();
    for (const s of plan.steps) {
      if (!products.has(s.productId)) products.set(s.productId, await this.requireStocked(t, s.productId, s.field.replace(/\.\w+$/, '.productId')));
    }

    const { valuationMethod: method, allowNegativeStock } = await this.stock.settings(t);
    const levels = await this.stock.lockLevels(t, plan.steps);
    // A concurrent call with the same event waited on the locks above; it has done the work.
    const raced = await this.existing(t, meta.eventKey);
    if (raced) return raced;

    const states = new Map<string, LevelState>();
    const stateOf = async (l: LevelRow): Promise<LevelState> => {
      const key = pairKey(l.productId, l.locationId);
      if (!states.has(key)) {
        const layers = method === 'fifo' && l.quantity > 0n ? await this.stock.openLayers(t, l.productId, l.locationId) : [];
        states.set(key, { quantity: l.quantity, value: l.value, layers });
      }
      return states.get(key)!;
    };

    interface Applied {
      movement: MovementRow & { quantityAfter: bigint; valueAfter: bigint };
      takes: { id: string; quantity: bigint; value: bigint }[];
      newLayer: { id: string; quantity: bigint; value: bigint } | null;
    }
    const applied: Applied[] = [];
    const problems: FieldError[] = [];
    const reservationUse = new Map<string, bigint>();
    let lastOutCost: { cost: bigint; quantity: bigint } | null = null;

    for (const s of plan.steps) {
      const level = levels.get(pairKey(s.productId, s.locationId))!;
      const state = await stateOf(level);
      const product = products.get(s.productId)!;
      const fallback: Rate | null =
        level.lastReceipt ?? (product.purchaseCostMinor !== null ? { value: BigInt(product.purchaseCostMinor), quantity: ONE_UNIT } : null);
      const id = randomUUID();
      if (s.quantity < 0n) {
        const out = -s.quantity;
        let mayUse = level.quantity - level.reserved;
        if (s.reservationId) {
          const r = await this.stock.reservation(t, s.reservationId, { lock: true });
          if (!r || r.productId !== s.productId || r.locationId !== s.locationId) throw notFound('Reservation');
          const use = out < r.quantity ? out : r.quantity;
          reservationUse.set(r.id, (reservationUse.get(r.id) ?? 0n) + use);
          await this.stock.setReservationQuantity(t, r.id, r.quantity - use);
          level.reserved -= use;
          mayUse += use;
        }
        const limit = s.checkAvailable ? mayUse : level.quantity;
        if (!allowNegativeStock && out > limit) {
          problems.push(insufficient(s.field, limit > 0n ? limit : 0n, product.unit).extra.fields![0]);
          continue;
        }
        const r = issue(method, state, out, fallback);
        states.set(pairKey(s.productId, s.locationId), r.after);
        level.quantity = r.after.quantity;
        level.value = r.after.value;
        lastOutCost = { cost: r.cost, quantity: out };
        applied.push({
          movement: movementRow(id, s, -r.cost, 0n, r.after.quantity, r.after.value),
          takes: r.taken.map((x) => ({ id: x.id, quantity: x.quantity, value: x.value })),
          newLayer: null,
        });
      } else {
        const value =
          s.valueMinor ??
          (s.kind === 'transfer_in' && lastOutCost ? lastOutCost.cost : valueAt(currentRate(state, fallback), s.quantity));
        const layerId = randomUUID();
        const r = receive(method, state, s.quantity, value, layerId);
        states.set(pairKey(s.productId, s.locationId), r.after);
        level.quantity = r.after.quantity;
        level.value = r.after.value;
        if (s.kind === 'receipt' || s.kind === 'transfer_in' || s.valueMinor !== null) level.lastReceipt = { value, quantity: s.quantity };
        applied.push({
          movement: movementRow(id, s, value - r.priceDifference, r.priceDifference, r.after.quantity, r.after.value),
          takes: [],
          newLayer: r.layer ? { id: layerId, ...r.layer } : null,
        });
      }
    }
    if (problems.length > 0) throw new DomainError('INSUFFICIENT_STOCK', problems.map((p) => `${p.field}: ${p.message}`).join('; '), { fields: problems });

    const journalEntryId = await this.post(t, meta, plan, applied.map((a) => a.movement));
    const operationId = await this.stock.insertOperation(t, {
      kind: plan.kind,
      eventKey: meta.eventKey,
      date: meta.date,
      locationId: plan.locationId,
      toLocationId: plan.toLocationId,
      reason: plan.reason,
      description: meta.description,
      sourceType: meta.sourceType,
      sourceId: meta.sourceId ?? null,
      journalEntryId,
      createdBy: meta.userId ?? null,
    });
    for (const a of applied) {
      const m = a.movement;
      const seq = await this.stock.insertMovement(t, operationId, meta.date, {
        id: m.id,
        kind: m.kind,
        productId: m.productId,
        locationId: m.locationId,
        quantity: m.quantity,
        valueMinor: m.valueMinor,
        priceDifferenceMinor: m.priceDifferenceMinor,
        quantityAfter: m.quantityAfter,
        valueAfterMinor: m.valueAfter,
        sourceLineId: m.sourceLineId,
      });
      m.seq = seq;
      m.operationId = operationId;
      for (const take of a.takes) await this.stock.takeFromLayer(t, m.id, take);
      if (a.newLayer) {
        await this.stock.insertLayer(t, { ...a.newLayer, productId: m.productId, locationId: m.locationId, movementId: m.id, seq });
      }
    }
    for (const level of levels.values()) await this.stock.saveLevel(t, level);
    await this.queueReorderCheck(t, [...levels.values()]);
    // Stock that came in may be waiting for: orders with back-orders are filled after commit.
    const arrived = new Set(applied.filter((a) => a.movement.quantity > 0n).map((a) => pairKey(a.movement.productId, a.movement.locationId)));
    for (const key of arrived) {
      const { productId, locationId } = levels.get(key)!;
      await this.outbox.add(t, 'stock.arrived', { businessId: t.businessId, productId, locationId });
    }
    return {
      operationId,
      journalEntryId,
      created: true,
      movements: applied.map(({ movement: { quantityAfter: _q, valueAfter: _v, ...m } }) => m),
    };
  }

  /**
   * One entry per operation: inventory moves by the sum of the movements' values, a price
   * difference (negative stock trued up) goes to its account, and the counter account takes the
   * rest. Transfers move nothing between accounts unless a deficit was trued up.
   */
  private async post(t: TenantTx, meta: OperationMeta, plan: Plan, movements: MovementRow[]): Promise<string | null> {
    const base = await this.ledger.baseCurrency(t);
    const inventory = movements.reduce((a, m) => a + m.valueMinor, 0n);
    const difference = movements.reduce((a, m) => a + m.priceDifferenceMinor, 0n);
    const counter = -(inventory + difference);
    const lines: PostingLine[] = [];
    const add = (key: SystemAccountKey, amount: bigint) => {
      if (amount === 0n) return;
      const same = lines.find((l) => 'key' in l.account && l.account.key === key);
      if (same) {
        const total = same.baseAmountMinor + amount;
        same.amount = money(total, base);
        same.baseAmountMinor = total;
      } else lines.push({ account: { key }, amount: money(amount, base), baseAmountMinor: amount });
    };
    add('inventory', inventory);
    add(plan.priceDifferenceAccount, difference);
    if (plan.counterAccount) add(plan.counterAccount, counter);
    if (lines.every((l) => l.baseAmountMinor === 0n)) return null;
    return this.ledger.post(t, {
      date: meta.date,
      description: meta.description,
      sourceType: meta.sourceType,
      sourceId: meta.sourceId ?? null,
      eventKey: `stock:${meta.eventKey}`,
      postedBy: meta.userId ?? null,
      lines,
    });
  }

  private async requireStocked(t: TenantTx, productId: string, field: string) {
    // Held until commit: turning stock tracking off (ProductsService) waits for this operation and
    // then sees its stock, so a product can never stop tracking with stock on hand.
    const p = await this.products.get(t, productId, { lock: 'share' });
    if (!p) throw validationFailed([{ field, code: 'not_found', message: 'no such product' }]);
    if (!p.trackStock) throw validationFailed([{ field, code: 'not_stocked', message: `${p.name} does not track stock` }]);
    return { unit: p.unit, purchaseCostMinor: p.purchaseCostMinor };
  }

  private async requireLocation(t: TenantTx, id: string, field: string, opts: { forIncoming: boolean }) {
    const l = await this.locations.get(t, id);
    if (!l) throw validationFailed([{ field, code: 'not_found', message: 'no such location' }]);
    if (opts.forIncoming && l.archivedAt) throw validationFailed([{ field, code: 'archived', message: `${l.name} is archived` }]);
  }
}

function positive(quantity: bigint, n: number): bigint {
  if (quantity <= 0n) throw validationFailed([{ field: `lines.${n}.quantity`, code: 'min', message: 'must be more than zero' }]);
  return quantity;
}

function step(
  kind: MovementKind,
  productId: string,
  locationId: string,
  quantity: bigint,
  n: number,
  opts: { valueMinor?: bigint | null; reservationId?: string | null; sourceLineId?: string | null; checkAvailable?: boolean } = {},
): Step {
  if (kind === 'receipt' || kind === 'transfer_in') positive(quantity, n);
  return {
    kind,
    productId,
    locationId,
    quantity,
    valueMinor: opts.valueMinor ?? null,
    reservationId: opts.reservationId ?? null,
    sourceLineId: opts.sourceLineId ?? null,
    field: `lines.${n}.${kind === 'adjustment' ? 'quantityChange' : kind === 'count' ? 'countedQuantity' : 'quantity'}`,
    checkAvailable: opts.checkAvailable ?? false,
  };
}

function movementRow(
  id: string,
  s: Step,
  valueMinor: bigint,
  priceDifferenceMinor: bigint,
  quantityAfter: bigint,
  valueAfter: bigint,
): MovementRow & { quantityAfter: bigint; valueAfter: bigint } {
  return {
    id,
    seq: '',
    operationId: '',
    kind: s.kind,
    productId: s.productId,
    locationId: s.locationId,
    quantity: s.quantity,
    valueMinor,
    priceDifferenceMinor,
    sourceLineId: s.sourceLineId ?? null,
    quantityAfter,
    valueAfter,
  };
}
