import { forwardRef, Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DomainError, FieldError, forbidden, notFound, validationFailed } from '../../../common/errors';
import { moneyDto } from '../../../common/money.dto';
import { Db, TenantTx } from '../../../db/db';
import { roleAllows } from '../../access/permissions';
import type { BusinessAccess } from '../../access/principal';
import { LocationsRepository } from '../../inventory/locations.repository';
import { ONE_UNIT, toQty } from '../../inventory/quantity';
import { StockService } from '../../inventory/stock.service';
import { valueAt } from '../../inventory/valuation';
import { LedgerService } from '../../ledger/ledger.service';
import { AuditService } from '../../audit/audit.service';
import { amountToMinor } from '../amounts';
import type { ImportMode, ImportPreviewDto } from '../catalog.dto';
import { businessBaseCurrency, exportFileName } from '../catalog.shared';
import { neutraliseFormula, writeCsv } from '../csv/csv';
import { addRowError, ImportRow, previewOf, readImport, rowErrors, rowsToImport } from '../csv/csv-import';
import { isForeignKeyViolation, isUniqueViolation } from '../pg-errors';
import { sortedPage, sortOrder } from '../sorted-page';
import { TaxRatesRepository } from '../taxes/tax-rates.repository';
import { plainRate } from '../taxes/tax-rates.service';
import type {
  CreateProductDto,
  ListProductsQueryDto,
  ProductDto,
  ProductFilterDto,
  ProductImportResultDto,
  ProductKind,
  UpdateProductDto,
} from './dto/product.dto';
import { NO_TAX, PRODUCT_EXPORT_COLUMNS, PRODUCT_IMPORT, ProductCsvRowDto, productExportRow } from './products.csv';
import { PRODUCT_SORT_KEYS, ProductFilter, ProductRow, ProductsRepository, ProductValues } from './products.repository';

export function presentProduct(row: ProductRow): ProductDto {
  return {
    id: row.id,
    sku: row.sku,
    name: row.name,
    kind: row.kind,
    unit: row.unit,
    description: row.description,
    salesPrice: moneyDto(row.salesPriceMinor, row.currency),
    purchaseCost: row.purchaseCostMinor === null ? null : moneyDto(row.purchaseCostMinor, row.currency),
    taxRate:
      row.taxRateId === null
        ? null
        : { id: row.taxRateId, name: row.taxRateName!, rate: plainRate(row.taxRateRate!), active: row.taxRateActive! },
    trackStock: row.trackStock,
    active: row.active,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

const filterOf = (f: ProductFilterDto): ProductFilter => ({ q: f.q, kind: f.kind, active: f.active, sort: f.sort ?? 'name' });

const skuTaken = (sku: string) =>
  new DomainError('SKU_TAKEN', `Another product already has the SKU ${sku}`, {
    fields: [{ field: 'sku', code: 'taken', message: 'is already used by another product' }],
  });

const stockNeedsProduct = (): FieldError => ({
  field: 'trackStock',
  code: 'service_stock',
  message: 'can only be true for products; a service has no stock',
});

/** Opening stock of one imported row: received at a location at a value (base currency). */
interface OpeningStock {
  locationId: string;
  locationCode: string;
  quantity: bigint;
  valueMinor: bigint;
}

const notActiveRate = (field: string): FieldError => ({
  field,
  code: 'invalid_tax_rate',
  message: 'is not an active tax rate of this business',
});

@Injectable()
export class ProductsService {
  constructor(
    private readonly db: Db,
    private readonly products: ProductsRepository,
    private readonly taxRates: TaxRatesRepository,
    private readonly audit: AuditService,
    // The catalog and inventory modules need each other: opening stock is posted from here.
    @Inject(forwardRef(() => StockService)) private readonly stock: StockService,
    @Inject(forwardRef(() => LocationsRepository)) private readonly locations: LocationsRepository,
    private readonly ledger: LedgerService,
  ) {}

  list(access: BusinessAccess, q: ListProductsQueryDto) {
    const limit = q.limit ?? 25;
    const filter = filterOf(q);
    return this.db.tenant(access.businessId, async (t) => {
      const rows = await this.products.list(t, filter, { limit, cursor: q.cursor });
      const page = sortedPage(rows, limit, sortOrder(filter.sort, PRODUCT_SORT_KEYS));
      return { items: page.items.map(presentProduct), nextCursor: page.nextCursor };
    });
  }

  get(access: BusinessAccess, id: string): Promise<ProductDto> {
    return this.db.tenant(access.businessId, (t) => this.load(t, id));
  }

  create(access: BusinessAccess, dto: CreateProductDto): Promise<ProductDto> {
    return this.db.tenant(access.businessId, async (t) => {
      const made = this.newProduct(dto, await businessBaseCurrency(t));
      const errors = [...made.errors];
      let taxRateId: string | null;
      if (dto.taxRateId === undefined) taxRateId = (await this.taxRates.getDefault(t))?.id ?? null;
      else {
        taxRateId = dto.taxRateId;
        if (taxRateId !== null && !(await this.taxRates.get(t, taxRateId))?.active) errors.push(notActiveRate('taxRateId'));
      }
      if (!made.values || errors.length > 0) throw validationFailed(errors);
      if ((await this.products.existingSkus(t, [dto.sku])).size > 0) throw skuTaken(dto.sku);
      const [id] = await this.writing(() => skuTaken(dto.sku), () => this.products.insertMany(t, [{ ...made.values!, taxRateId }]));
      return this.load(t, id);
    });
  }

  update(access: BusinessAccess, id: string, dto: UpdateProductDto): Promise<ProductDto> {
    return this.db.tenant(access.businessId, async (t) => {
      const before = await this.products.get(t, id, { lock: true });
      if (!before) throw notFound('Product');
      const errors: FieldError[] = [];
      const money = (value: string | null | undefined, field: string): bigint | null | undefined => {
        if (value === undefined || value === null) return value;
        const parsed = amountToMinor(value, before.currency, field);
        if (parsed.error) errors.push(parsed.error);
        return parsed.minor;
      };
      const salesPriceMinor = money(dto.salesPrice, 'salesPrice') as bigint | undefined;
      const purchaseCostMinor = money(dto.purchaseCost, 'purchaseCost');
      const kind: ProductKind = dto.kind ?? before.kind;
      const trackStock = dto.trackStock ?? before.trackStock;
      if (kind === 'service' && trackStock) errors.push(stockNeedsProduct());
      // A product keeps a rate that was deactivated later; choosing one requires it to be active.
      if (dto.taxRateId && dto.taxRateId !== before.taxRateId && !(await this.taxRates.get(t, dto.taxRateId))?.active) {
        errors.push(notActiveRate('taxRateId'));
      }
      // The row lock above waits for stock operations on this product (they hold it shared).
      if (before.trackStock && !trackStock && (await this.stock.productHoldsStock(t, id))) {
        errors.push({
          field: 'trackStock',
          code: 'stock_on_hand',
          message: 'cannot be turned off while stock is on hand, short or reserved; count it to zero or ship it first',
        });
      }
      if (errors.length > 0) throw validationFailed(errors);
      if (dto.sku !== undefined && (await this.products.existingSkus(t, [dto.sku], id)).size > 0) throw skuTaken(dto.sku);
      await this.writing(() => skuTaken(dto.sku ?? before.sku), () =>
        this.products.update(t, id, {
          sku: dto.sku,
          name: dto.name,
          kind: dto.kind,
          unit: dto.unit,
          description: dto.description,
          salesPriceMinor,
          purchaseCostMinor,
          taxRateId: dto.taxRateId,
          trackStock: dto.trackStock,
        }),
      );
      return this.load(t, id);
    });
  }

  /** Inactive products are not offered for new documents; existing documents keep them. */
  setActive(access: BusinessAccess, id: string, active: boolean): Promise<ProductDto> {
    return this.db.tenant(access.businessId, async (t) => {
      if (!(await this.products.get(t, id, { lock: true }))) throw notFound('Product');
      await this.products.update(t, id, { active });
      return this.load(t, id);
    });
  }

  /** Only a product nothing refers to may be deleted; otherwise it is deactivated instead. */
  delete(access: BusinessAccess, id: string): Promise<void> {
    return this.db.tenant(access.businessId, async (t) => {
      const product = await this.products.get(t, id, { lock: true });
      if (!product) throw notFound('Product');
      try {
        await this.products.delete(t, id);
      } catch (e) {
        if (isForeignKeyViolation(e)) {
          throw new DomainError('PRODUCT_IN_USE', 'Documents refer to this product, so it cannot be deleted; deactivate it instead');
        }
        throw e;
      }
      await this.audit.record(t, {
        action: 'product.deleted',
        actorUserId: access.userId,
        targetType: 'product',
        targetId: id,
        details: { sku: product.sku, name: product.name },
      });
    });
  }

  exportCsv(access: BusinessAccess, f: ProductFilterDto): Promise<{ fileName: string; body: string }> {
    return this.db.tenant(access.businessId, async (t) => {
      const rows = await this.products.list(t, filterOf(f), { limit: null });
      const records = [PRODUCT_EXPORT_COLUMNS, ...rows.map((r) => productExportRow(r).map(neutraliseFormula))];
      return { fileName: exportFileName('products'), body: writeCsv(records, { bom: true }) };
    });
  }

  previewImport(access: BusinessAccess, csv: string): Promise<ImportPreviewDto> {
    return this.db.tenant(access.businessId, async (t) => previewOf((await this.readImport(t, csv)).file));
  }

  importCsv(access: BusinessAccess, csv: string, mode: ImportMode): Promise<ProductImportResultDto> {
    return this.db.tenant(access.businessId, async (t) => {
      const { file, products, openings } = await this.readImport(t, csv);
      const rows = rowsToImport(file.rows, mode);
      const withStock = rows.filter((r) => openings.has(r));
      if (withStock.length > 0 && !roleAllows(access.role, 'inventory.write')) {
        throw forbidden('Booking opening stock needs permission to move stock; leave the opening stock columns empty or ask an owner');
      }
      // A concurrent create of the same SKU between the check and the insert lands here.
      const raced = () =>
        new DomainError('SKU_TAKEN', 'A product with one of these SKUs was added meanwhile; preview the file again');
      await this.writing(raced, () => this.products.insertMany(t, rows.map((r) => products.get(r)!)));
      const openingStock = await this.bookOpeningStock(
        t,
        access,
        withStock.map((r) => ({ sku: products.get(r)!.sku, opening: openings.get(r)! })),
      );
      const result: ProductImportResultDto = {
        mode,
        counts: { total: file.rows.length, imported: rows.length, skipped: file.rows.length - rows.length },
        errors: rowErrors(file.rows),
        openingStock,
      };
      await this.audit.record(t, {
        action: 'products.imported',
        actorUserId: access.userId,
        targetType: 'product',
        details: {
          ...result.counts,
          mode,
          ...(openingStock.length > 0 && {
            openingStock: openingStock.map((o) => ({ operationId: o.operationId, location: o.locationCode, lines: o.lines, value: o.value.amountMinor })),
          }),
        },
      });
      return result;
    });
  }

  /**
   * Receives the imported opening stock, one operation per location, against opening balance
   * equity. The event key names the products it created, so the same import can never book twice.
   */
  private async bookOpeningStock(t: TenantTx, access: BusinessAccess, rows: { sku: string; opening: OpeningStock }[]) {
    if (rows.length === 0) return [];
    const ids = await this.products.idsBySku(t, rows.map((r) => r.sku));
    const lines = rows.map((r) => ({ productId: ids.get(r.sku.toLowerCase())!, ...r.opening }));
    const importKey = createHash('sha256').update(lines.map((l) => l.productId).sort().join(',')).digest('hex').slice(0, 32);
    const date = await this.ledger.today(t);
    const base = await businessBaseCurrency(t);
    const byLocation = new Map<string, typeof lines>();
    for (const l of lines) byLocation.set(l.locationId, [...(byLocation.get(l.locationId) ?? []), l]);
    const booked = [];
    for (const [locationId, group] of byLocation) {
      const r = await this.stock.receive(t, {
        eventKey: `product-import:${importKey}:${locationId}`,
        date,
        description: `Opening stock from the product import (${group.length} product${group.length === 1 ? '' : 's'})`,
        sourceType: 'product_import',
        userId: access.userId,
        locationId,
        counterAccount: 'opening_balance_equity',
        lines: group.map((l) => ({ productId: l.productId, quantity: l.quantity, valueMinor: l.valueMinor })),
      });
      booked.push({
        operationId: r.operationId,
        locationCode: group[0].locationCode,
        lines: group.length,
        value: moneyDto(group.reduce((s, l) => s + l.valueMinor, 0n), base),
      });
    }
    return booked;
  }

  /**
   * Parses and validates every row: the DTO rules, SKUs repeated in the file or already in the
   * catalog, tax rates by name, and prices against the base currency's decimals.
   */
  private async readImport(t: TenantTx, csv: string) {
    const base = await businessBaseCurrency(t);
    const file = readImport(csv, PRODUCT_IMPORT);
    // Rows that passed the DTO rules, kept aside so later checks report every problem of a row.
    const validDto = new Map(file.rows.map((r) => [r, r.dto]));

    const rowsBySku = new Map<string, ImportRow<ProductCsvRowDto>[]>();
    for (const row of file.rows) {
      const sku = row.values.sku?.toLowerCase();
      if (sku) rowsBySku.set(sku, [...(rowsBySku.get(sku) ?? []), row]);
    }
    for (const rows of rowsBySku.values()) {
      if (rows.length < 2) continue;
      const list = rows.map((r) => r.row).join(', ');
      for (const row of rows) {
        addRowError(PRODUCT_IMPORT, row, { field: 'sku', code: 'duplicate', message: `appears more than once in the file (rows ${list})` });
      }
    }
    const existing = await this.products.existingSkus(t, [...rowsBySku.keys()]);

    const rates = await this.taxRates.list(t, 'true');
    const rateByName = new Map(rates.map((r) => [r.name.toLowerCase(), r.id]));
    const defaultRateId = rates.find((r) => r.isDefault)?.id ?? null;

    const locations = await this.locations.list(t, { includeArchived: true });
    const locationByCode = new Map(locations.map((l) => [l.code.toLowerCase(), l]));
    const defaultLocation = locations.find((l) => l.isDefault) ?? null;

    const products = new Map<ImportRow<ProductCsvRowDto>, ProductValues>();
    const openings = new Map<ImportRow<ProductCsvRowDto>, OpeningStock>();
    for (const row of file.rows) {
      // Opening stock cells are checked on the cell too, so a row with other errors still shows these.
      const hasQuantity = (row.values.opening_quantity ?? '') !== '';
      const locationCell = row.values.location ?? '';
      let location = defaultLocation;
      if (locationCell !== '') {
        location = locationByCode.get(locationCell.toLowerCase()) ?? null;
        if (!hasQuantity) {
          addRowError(PRODUCT_IMPORT, row, { field: 'location', code: 'unused', message: 'is only used with opening_quantity' });
        } else if (!location) {
          addRowError(PRODUCT_IMPORT, row, { field: 'location', code: 'not_found', message: `"${locationCell}" is not the code of a location` });
        } else if (location.archivedAt) {
          addRowError(PRODUCT_IMPORT, row, { field: 'location', code: 'archived', message: `${location.name} is archived` });
        }
      }
      if ((row.values.opening_unit_cost ?? '') !== '' && !hasQuantity) {
        addRowError(PRODUCT_IMPORT, row, { field: 'openingUnitCost', code: 'unused', message: 'is only used with opening_quantity' });
      }
      if (existing.has(row.values.sku?.toLowerCase() ?? '')) {
        addRowError(PRODUCT_IMPORT, row, { field: 'sku', code: 'taken', message: 'is already used by a product in the catalog' });
      }
      // Checked on the cell, so a row with other errors still shows this one.
      const taxCell = row.values.tax_rate?.toLowerCase() ?? '';
      const taxRateId = taxCell === '' ? defaultRateId : taxCell === NO_TAX ? null : (rateByName.get(taxCell) ?? null);
      if (taxCell !== '' && taxCell !== NO_TAX && taxRateId === null) {
        addRowError(PRODUCT_IMPORT, row, {
          field: 'taxRate',
          code: 'invalid_tax_rate',
          message: `"${row.values.tax_rate}" is not the name of an active tax rate (or "${NO_TAX}" for no tax)`,
        });
      }
      const checked = validDto.get(row);
      if (!checked) continue;
      const { taxRate: _name, openingQuantity, openingUnitCost, location: _code, ...dto } = checked;
      const opening = openingQuantity === undefined ? null : this.openingStock(row, dto, openingQuantity, openingUnitCost, location, base);
      const made = this.newProduct(dto, base);
      for (const e of made.errors) addRowError(PRODUCT_IMPORT, row, e);
      if (made.values && row.errors.length === 0) {
        products.set(row, { ...made.values, taxRateId });
        if (opening) openings.set(row, opening);
      }
    }
    return { file, products, openings };
  }

  /**
   * Checks a row's opening stock and values it. A product with opening stock tracks stock (an
   * empty track_stock cell becomes true); its unit cost is opening_unit_cost, else purchase_cost.
   */
  private openingStock(
    row: ImportRow<ProductCsvRowDto>,
    dto: CreateProductDto,
    quantityText: string,
    unitCostText: string | undefined,
    location: { id: string; code: string; archivedAt: Date | null } | null,
    base: string,
  ): OpeningStock | null {
    const fail = (e: FieldError) => {
      addRowError(PRODUCT_IMPORT, row, e);
      return null;
    };
    const quantity = toQty(quantityText);
    if (quantity <= 0n) return fail({ field: 'openingQuantity', code: 'min', message: 'must be more than zero' });
    if (dto.kind === 'service') return fail({ field: 'openingQuantity', code: 'service_stock', message: 'a service has no stock' });
    if (dto.trackStock === false) {
      return fail({ field: 'openingQuantity', code: 'not_stocked', message: 'needs track_stock true (or empty) to book stock' });
    }
    dto.trackStock = true;
    const costText = unitCostText ?? dto.purchaseCost;
    if (!costText) {
      return fail({ field: 'openingUnitCost', code: 'required', message: 'is needed to value the opening stock (or give purchase_cost)' });
    }
    const cost = amountToMinor(costText, base, unitCostText !== undefined ? 'openingUnitCost' : 'purchaseCost');
    if (cost.error) return fail(cost.error);
    // An unknown or archived location code was reported with the row's cells.
    if (row.values.location && (!location || location.archivedAt)) return null;
    if (!location) return fail({ field: 'location', code: 'required', message: 'name a location; the business has no default one' });
    return {
      locationId: location.id,
      locationCode: location.code,
      quantity,
      valueMinor: valueAt({ value: cost.minor, quantity: ONE_UNIT }, quantity),
    };
  }

  /** Everything but the tax rate, which needs a lookup. */
  private newProduct(dto: CreateProductDto, base: string): { values: ProductValues | null; errors: FieldError[] } {
    const errors: FieldError[] = [];
    const sales = amountToMinor(dto.salesPrice ?? '0', base, 'salesPrice');
    if (sales.error) errors.push(sales.error);
    const cost = dto.purchaseCost ? amountToMinor(dto.purchaseCost, base, 'purchaseCost') : null;
    if (cost?.error) errors.push(cost.error);
    const kind = dto.kind ?? 'product';
    const trackStock = dto.trackStock ?? false;
    if (kind === 'service' && trackStock) errors.push(stockNeedsProduct());
    if (errors.length > 0) return { values: null, errors };
    return {
      values: {
        sku: dto.sku,
        name: dto.name,
        kind,
        unit: dto.unit ?? 'pcs',
        description: dto.description ?? null,
        currency: base,
        salesPriceMinor: sales.minor!,
        purchaseCostMinor: cost ? cost.minor! : null,
        taxRateId: null,
        trackStock,
        active: dto.active ?? true,
      },
      errors: [],
    };
  }

  private async writing<T>(taken: () => DomainError, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (e) {
      if (isUniqueViolation(e, 'products_sku_key')) throw taken();
      throw e;
    }
  }

  private async load(t: TenantTx, id: string): Promise<ProductDto> {
    const row = await this.products.get(t, id);
    if (!row) throw notFound('Product');
    return presentProduct(row);
  }
}
