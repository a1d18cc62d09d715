import { Injectable } from '@nestjs/common';
import { assertCurrency, parseMoney, roundDiv } from '@keeper/money';
import { randomUUID } from 'node:crypto';
import { csvFile, decimalAmount, EXPORT_LIMIT } from '../../common/csv-export';
import { DomainError, notFound, validationFailed } from '../../common/errors';
import { moneyDto } from '../../common/money.dto';
import { Db, TenantTx } from '../../db/db';
import type { BusinessAccess } from '../access/principal';
import { AuditService } from '../audit/audit.service';
import { ProductsRepository } from '../catalog/products/products.repository';
import { isUniqueViolation } from '../catalog/pg-errors';
import { LedgerService } from '../ledger/ledger.service';
import type {
  CreateAdjustmentDto,
  CreateTransferDto,
  InventorySettingsDto,
  LocationDto,
  LocationInputDto,
  MovementExportQueryDto,
  OperationDetailDto,
  OperationDto,
  OperationListQueryDto,
  ProductStockDto,
  StockCardPageDto,
  StockCardQueryDto,
  StockLevelDto,
  StockLevelQueryDto,
  UpdateInventorySettingsDto,
  ValuationDto,
  ValuationQueryDto,
} from './dto/inventory.dto';
import { LocationRow, LocationsRepository } from './locations.repository';
import { ONE_UNIT, qtyText, toQty } from './quantity';
import { StockRepository } from './stock.repository';
import { LevelListRow, OperationRow, StockReadsRepository } from './stock-reads.repository';
import { StockService } from './stock.service';
import { decodeCursor, encodeCursor } from '../../common/pagination';
import { decodeNameCursor, decodeSeqCursor, encodeNameCursor, encodeSeqCursor } from './name-cursor';

const codeTaken = (code: string) =>
  new DomainError('LOCATION_CODE_TAKEN', `Another location already uses the code ${code}`, {
    fields: [{ field: 'code', code: 'taken', message: 'is already used by another location' }],
  });

/** Owner-facing inventory: settings, locations, manual adjustments and transfers, and every read. */
@Injectable()
export class InventoryService {
  constructor(
    private readonly db: Db,
    private readonly stock: StockService,
    private readonly stockRepo: StockRepository,
    private readonly reads: StockReadsRepository,
    private readonly locations: LocationsRepository,
    private readonly products: ProductsRepository,
    private readonly ledger: LedgerService,
    private readonly audit: AuditService,
  ) {}

  // ---- settings ----

  settings(a: BusinessAccess): Promise<InventorySettingsDto> {
    return this.db.tenant(a.businessId, (t) => this.presentSettings(t));
  }

  updateSettings(a: BusinessAccess, dto: UpdateInventorySettingsDto): Promise<InventorySettingsDto> {
    return this.db.tenant(a.businessId, async (t) => {
      await this.stockRepo.ensureDefaults(t);
      await this.stockRepo.lockSettings(t);
      const before = await this.stockRepo.settings(t);
      const next = {
        valuationMethod: dto.valuationMethod ?? before.valuationMethod,
        allowNegativeStock: dto.allowNegativeStock ?? before.allowNegativeStock,
      };
      if (next.valuationMethod !== before.valuationMethod && (await this.stockRepo.hasMovements(t))) {
        throw new DomainError('VALUATION_LOCKED', 'The valuation method cannot change once stock has moved', {
          fields: [{ field: 'valuationMethod', code: 'locked', message: 'cannot change once stock has moved' }],
        });
      }
      if (before.allowNegativeStock && !next.allowNegativeStock) {
        const [neg] = await t.query(`SELECT 1 FROM stock_levels WHERE business_id = $1 AND quantity < 0 LIMIT 1`, [t.businessId]);
        if (neg) {
          throw new DomainError('CONFLICT', 'Some products are below zero; book them in or count them before refusing negative stock', {
            fields: [{ field: 'allowNegativeStock', code: 'negative_stock', message: 'some products are below zero' }],
          });
        }
      }
      await this.stockRepo.updateSettings(t, next);
      if (next.valuationMethod !== before.valuationMethod || next.allowNegativeStock !== before.allowNegativeStock) {
        await this.audit.record(t, {
          action: 'inventory.settings_updated',
          actorUserId: a.userId,
          targetType: 'business',
          targetId: t.businessId,
          details: { from: before, to: next },
        });
      }
      return this.presentSettings(t);
    });
  }

  private async presentSettings(t: TenantTx): Promise<InventorySettingsDto> {
    const s = await this.stockRepo.settings(t);
    return { ...s, valuationMethodLocked: await this.stockRepo.hasMovements(t) };
  }

  // ---- locations ----

  listLocations(a: BusinessAccess, includeArchived: boolean): Promise<{ items: LocationDto[] }> {
    return this.db.tenant(a.businessId, async (t) => {
      const base = await this.ledger.baseCurrency(t);
      return { items: (await this.locations.list(t, { includeArchived })).map((l) => presentLocation(l, base)) };
    });
  }

  getLocation(a: BusinessAccess, id: string): Promise<LocationDto> {
    return this.db.tenant(a.businessId, (t) => this.presentLocation(t, id));
  }

  createLocation(a: BusinessAccess, dto: LocationInputDto): Promise<LocationDto> {
    return this.db.tenant(a.businessId, async (t) => {
      let id: string;
      try {
        id = await this.locations.insert(t, { code: dto.code, name: dto.name, kind: dto.kind ?? 'warehouse', address: dto.address ?? null });
      } catch (e) {
        if (isUniqueViolation(e, 'locations_code_key')) throw codeTaken(dto.code);
        throw e;
      }
      if (!(await this.locations.defaultId(t))) await this.locations.setDefault(t, id);
      await this.audit.record(t, { action: 'location.created', actorUserId: a.userId, targetType: 'location', targetId: id, details: { code: dto.code, name: dto.name } });
      return this.presentLocation(t, id);
    });
  }

  updateLocation(a: BusinessAccess, id: string, dto: LocationInputDto): Promise<LocationDto> {
    return this.db.tenant(a.businessId, async (t) => {
      const current = await this.locations.get(t, id, { lock: true });
      if (!current) throw notFound('Location');
      try {
        await this.locations.update(t, id, {
          code: dto.code,
          name: dto.name,
          kind: dto.kind ?? current.kind,
          address: dto.address !== undefined ? dto.address : current.address,
        });
      } catch (e) {
        if (isUniqueViolation(e, 'locations_code_key')) throw codeTaken(dto.code);
        throw e;
      }
      return this.presentLocation(t, id);
    });
  }

  makeDefaultLocation(a: BusinessAccess, id: string): Promise<LocationDto> {
    return this.db.tenant(a.businessId, async (t) => {
      const l = await this.locations.get(t, id, { lock: true });
      if (!l) throw notFound('Location');
      if (l.archivedAt) throw new DomainError('CONFLICT', 'An archived location cannot be the default; restore it first');
      await this.locations.setDefault(t, id);
      return this.presentLocation(t, id);
    });
  }

  setLocationArchived(a: BusinessAccess, id: string, archived: boolean): Promise<LocationDto> {
    return this.db.tenant(a.businessId, async (t) => {
      const l = await this.locations.get(t, id, { lock: true });
      if (!l) throw notFound('Location');
      if (archived && l.isDefault) {
        throw new DomainError('LOCATION_IN_USE', 'The default location cannot be archived; make another location the default first');
      }
      if (archived && (await this.locations.holdsStock(t, id))) {
        throw new DomainError('LOCATION_IN_USE', `${l.name} still holds stock; move or count it out before archiving`);
      }
      await this.locations.setArchived(t, id, archived);
      await this.audit.record(t, {
        action: archived ? 'location.archived' : 'location.restored',
        actorUserId: a.userId,
        targetType: 'location',
        targetId: id,
        details: { code: l.code },
      });
      return this.presentLocation(t, id);
    });
  }

  private async presentLocation(t: TenantTx, id: string): Promise<LocationDto> {
    const l = await this.locations.get(t, id);
    if (!l) throw notFound('Location');
    return presentLocation(l, await this.ledger.baseCurrency(t));
  }

  // ---- manual operations ----

  adjust(a: BusinessAccess, dto: CreateAdjustmentDto): Promise<OperationDetailDto> {
    return this.db.tenant(a.businessId, async (t) => {
      const base = await this.ledger.baseCurrency(t);
      const date = dto.date ?? (await this.ledger.today(t));
      const lines = dto.lines.map((l, n) => ({
        productId: l.productId,
        quantityChange: toQty(l.quantityChange),
        unitCostMinor: l.unitCost !== undefined ? parseAmount(l.unitCost, base, `lines.${n}.unitCost`) : null,
      }));
      const r = await this.stock.adjust(t, {
        eventKey: `adjustment:${randomUUID()}`,
        date,
        description: dto.note ? `Stock adjustment (${dto.reason}): ${dto.note}` : `Stock adjustment (${dto.reason})`,
        sourceType: 'stock_adjustment',
        userId: a.userId,
        locationId: dto.locationId,
        reason: dto.reason,
        lines,
      });
      await this.audit.record(t, {
        action: 'stock.adjusted',
        actorUserId: a.userId,
        targetType: 'stock_operation',
        targetId: r.operationId,
        details: { reason: dto.reason, lines: dto.lines.length, value: r.movements.reduce((s, m) => s + m.valueMinor, 0n).toString() },
      });
      return this.presentOperation(t, r.operationId);
    });
  }

  transfer(a: BusinessAccess, dto: CreateTransferDto): Promise<OperationDetailDto> {
    return this.db.tenant(a.businessId, async (t) => {
      const from = await this.locations.get(t, dto.fromLocationId);
      const to = await this.locations.get(t, dto.toLocationId);
      const r = await this.stock.transfer(t, {
        eventKey: `transfer:${randomUUID()}`,
        date: dto.date ?? (await this.ledger.today(t)),
        description: `Transfer ${from?.code ?? '?'} → ${to?.code ?? '?'}${dto.note ? `: ${dto.note}` : ''}`,
        sourceType: 'stock_transfer',
        userId: a.userId,
        fromLocationId: dto.fromLocationId,
        toLocationId: dto.toLocationId,
        lines: dto.lines.map((l) => ({ productId: l.productId, quantity: toQty(l.quantity) })),
      });
      return this.presentOperation(t, r.operationId);
    });
  }

  // ---- reads ----

  levels(a: BusinessAccess, q: StockLevelQueryDto): Promise<{ items: StockLevelDto[]; nextCursor: string | null }> {
    const limit = q.limit ?? 25;
    return this.db.tenant(a.businessId, async (t) => {
      const base = await this.ledger.baseCurrency(t);
      const after = q.cursor ? decodeNameCursor(q.cursor) : null;
      const rows = await this.reads.levels(t, { locationId: q.locationId, q: q.q, filter: q.filter ?? 'in_stock', limit, after });
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return {
        items: page.map((r) => presentLevel(r, base)),
        nextCursor: rows.length > limit && last ? encodeNameCursor(last.sortName, last.id) : null,
      };
    });
  }

  productStock(a: BusinessAccess, productId: string): Promise<ProductStockDto> {
    return this.db.tenant(a.businessId, async (t) => {
      const p = await this.products.get(t, productId);
      if (!p) throw notFound('Product');
      const base = await this.ledger.baseCurrency(t);
      const rows = await this.reads.levelsOfProduct(t, productId);
      const sum = (f: (r: LevelListRow) => bigint) => rows.reduce((s, r) => s + f(r), 0n);
      const onHand = sum((r) => toQty(r.quantity));
      const reserved = sum((r) => toQty(r.reserved));
      return {
        product: { id: p.id, sku: p.sku, name: p.name, unit: p.unit },
        trackStock: p.trackStock,
        locations: rows.map((r) => presentLevel(r, base)),
        onHand: qtyText(onHand),
        reserved: qtyText(reserved),
        available: qtyText(onHand - reserved),
        value: moneyDto(sum((r) => BigInt(r.valueMinor)), base),
      };
    });
  }

  stockCard(a: BusinessAccess, productId: string, q: StockCardQueryDto): Promise<StockCardPageDto> {
    const limit = q.limit ?? 50;
    return this.db.tenant(a.businessId, async (t) => {
      const p = await this.products.get(t, productId);
      if (!p) throw notFound('Product');
      const base = await this.ledger.baseCurrency(t);
      const beforeSeq = q.cursor ? decodeSeqCursor(q.cursor) : null;
      const rows = await this.reads.card(t, productId, { locationId: q.locationId, limit, beforeSeq });
      const page = rows.slice(0, limit);
      return {
        product: { id: p.id, sku: p.sku, name: p.name, unit: p.unit },
        items: page.map((r) => ({
          movementId: r.movementId,
          operationId: r.operationId,
          date: r.date,
          kind: r.kind as StockCardPageDto['items'][number]['kind'],
          location: { id: r.locationId, code: r.locationCode, name: r.locationName },
          description: r.description,
          reason: r.reason,
          sourceType: r.sourceType,
          sourceId: r.sourceId,
          quantity: qtyText(toQty(r.quantity)),
          value: moneyDto(r.valueMinor, base),
          balanceQuantity: qtyText(toQty(r.balanceQuantity)),
          balanceValue: moneyDto(r.balanceValueMinor, base),
        })),
        nextCursor: rows.length > limit ? encodeSeqCursor(page[page.length - 1].seq) : null,
      };
    });
  }

  operations(a: BusinessAccess, q: OperationListQueryDto): Promise<{ items: OperationDto[]; nextCursor: string | null }> {
    const limit = q.limit ?? 25;
    return this.db.tenant(a.businessId, async (t) => {
      const base = await this.ledger.baseCurrency(t);
      const rows = await this.reads.operations(t, { kind: q.kind, locationId: q.locationId, limit, after: decodeCursor(q.cursor) });
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return {
        items: page.map((r) => presentOperation(r, base)),
        nextCursor: rows.length > limit && last ? encodeCursor({ at: last.cursorAt, id: last.id }) : null,
      };
    });
  }

  operation(a: BusinessAccess, id: string): Promise<OperationDetailDto> {
    return this.db.tenant(a.businessId, (t) => this.presentOperation(t, id));
  }

  private async presentOperation(t: TenantTx, id: string): Promise<OperationDetailDto> {
    const [row] = await this.reads.operations(t, { id, limit: 1, after: null });
    if (!row) throw notFound('Stock operation');
    const base = await this.ledger.baseCurrency(t);
    const movements = await this.reads.operationMovements(t, id);
    return {
      ...presentOperation(row, base),
      movements: movements.map((m) => ({
        id: m.id,
        kind: m.kind as OperationDetailDto['movements'][number]['kind'],
        product: { id: m.productId, sku: m.sku, name: m.productName, unit: m.unit },
        location: { id: m.locationId, code: m.locationCode, name: m.locationName },
        quantity: qtyText(toQty(m.quantity)),
        value: moneyDto(m.valueMinor, base),
      })),
    };
  }

  valuation(a: BusinessAccess, q: ValuationQueryDto): Promise<ValuationDto> {
    return this.db.tenant(a.businessId, async (t) => {
      const base = await this.ledger.baseCurrency(t);
      const asOf = q.asOf ?? (await this.ledger.today(t));
      const location = q.locationId ? await this.locations.get(t, q.locationId) : null;
      if (q.locationId && !location) {
        throw validationFailed([{ field: 'locationId', code: 'not_found', message: 'no such location' }]);
      }
      const rows = await this.reads.valuation(t, asOf, q.locationId);
      const { valuationMethod } = await this.stockRepo.settings(t);
      return {
        asOf,
        method: valuationMethod,
        location: location ? { id: location.id, code: location.code, name: location.name } : null,
        rows: rows.map((r) => ({
          product: { id: r.productId, sku: r.sku, name: r.productName, unit: r.unit },
          quantity: qtyText(toQty(r.quantity)),
          value: moneyDto(r.valueMinor, base),
          unitCost: unitCost(r.valueMinor, r.quantity, base),
        })),
        total: moneyDto(rows.reduce((s, r) => s + BigInt(r.valueMinor), 0n), base),
        ledgerBalance: moneyDto(await this.reads.ledgerInventory(t, asOf), base),
      };
    });
  }

  exportValuation(a: BusinessAccess, q: ValuationQueryDto) {
    return this.valuation(a, q).then((v) =>
      csvFile(
        `stock-valuation${v.location ? `-${v.location.code}` : ''}`,
        v.asOf,
        ['sku', 'product', 'unit', 'quantity', 'currency', 'unit_cost', 'value'],
        v.rows.map((r) => [
          r.product.sku,
          r.product.name,
          r.product.unit,
          r.quantity,
          r.value.currency,
          r.unitCost ? decimalAmount(r.unitCost.amountMinor, r.unitCost.currency) : '',
          decimalAmount(r.value.amountMinor, r.value.currency),
        ]),
      ),
    );
  }

  exportMovements(a: BusinessAccess, q: MovementExportQueryDto) {
    return this.db.tenant(a.businessId, async (t) => {
      const base = await this.ledger.baseCurrency(t);
      const rows = await this.reads.movementsForExport(t, { ...q, limit: EXPORT_LIMIT });
      return csvFile(
        'stock-movements',
        await this.ledger.today(t),
        ['date', 'kind', 'sku', 'product', 'unit', 'location', 'quantity', 'currency', 'value', 'quantity_after', 'value_after', 'description', 'reason', 'source'],
        rows.map((r) => [
          r.date,
          r.kind,
          r.sku,
          r.productName,
          r.unit,
          r.locationCode,
          qtyText(toQty(r.quantity)),
          base,
          decimalAmount(r.valueMinor, base),
          qtyText(toQty(r.quantityAfter)),
          decimalAmount(r.valueAfterMinor, base),
          r.description,
          r.reason ?? '',
          r.sourceType,
        ]),
      );
    });
  }
}

function parseAmount(text: string, currency: string, field: string): bigint {
  try {
    return parseMoney(text, assertCurrency(currency)).amountMinor;
  } catch {
    throw validationFailed([{ field, code: 'precision', message: `has more decimals than ${currency} allows` }]);
  }
}

function unitCost(valueMinor: string, quantity: string, currency: string) {
  const q = toQty(quantity);
  return q > 0n ? moneyDto(roundDiv(BigInt(valueMinor) * ONE_UNIT, q, 'half-up'), currency) : null;
}

function presentLocation(l: LocationRow, base: string): LocationDto {
  return {
    id: l.id,
    code: l.code,
    name: l.name,
    kind: l.kind,
    address: l.address,
    isDefault: l.isDefault,
    archivedAt: l.archivedAt ? l.archivedAt.toISOString() : null,
    productCount: l.skuCount,
    value: moneyDto(l.valueMinor, base),
  };
}

function presentLevel(r: LevelListRow, base: string): StockLevelDto {
  const onHand = toQty(r.quantity);
  const reserved = toQty(r.reserved);
  return {
    product: { id: r.productId, sku: r.sku, name: r.productName, unit: r.unit },
    location: { id: r.locationId, code: r.locationCode, name: r.locationName },
    onHand: qtyText(onHand),
    reserved: qtyText(reserved),
    available: qtyText(onHand - reserved),
    value: moneyDto(r.valueMinor, base),
    unitCost: unitCost(r.valueMinor, r.quantity, base),
  };
}

function presentOperation(r: OperationRow, base: string): OperationDto {
  return {
    id: r.id,
    kind: r.kind as OperationDto['kind'],
    date: r.date,
    description: r.description,
    reason: r.reason,
    location: { id: r.locationId, code: r.locationCode, name: r.locationName },
    toLocation: r.toLocationId ? { id: r.toLocationId, code: r.toLocationCode!, name: r.toLocationName! } : null,
    sourceType: r.sourceType,
    sourceId: r.sourceId,
    journalEntryId: r.journalEntryId,
    value: moneyDto(r.valueMinor, base),
    lineCount: r.lineCount,
    createdAt: new Date(r.createdAt).toISOString(),
  };
}
