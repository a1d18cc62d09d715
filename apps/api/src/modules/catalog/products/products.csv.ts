import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { QUANTITY, QUANTITY_MESSAGE } from '../../inventory/dto/inventory.dto';
import { AMOUNT, AMOUNT_MESSAGE } from '../catalog.dto';
import { minorToAmount } from '../amounts';
import { ImportSchema, parseBoolean } from '../csv/csv-import';
import { CreateProductDto } from './dto/product.dto';
import type { ProductRow } from './products.repository';

/**
 * A CSV row names its tax rate instead of giving its id, and may bring opening stock: a quantity
 * on hand at a location (by code; default location when empty) valued at a unit cost (default:
 * the purchase cost).
 */
export class ProductCsvRowDto extends CreateProductDto {
  @IsOptional()
  @IsString()
  @MaxLength(100)
  taxRate?: string;

  @IsOptional()
  @IsString()
  @Matches(QUANTITY, { message: QUANTITY_MESSAGE })
  openingQuantity?: string;

  @IsOptional()
  @IsString()
  @Matches(AMOUNT, { message: AMOUNT_MESSAGE })
  openingUnitCost?: string;

  @IsOptional()
  @IsString()
  @MaxLength(20)
  location?: string;
}

/** Columns about stock, not the product: imported, never exported. */
const OPENING_STOCK_COLUMNS = ['opening_quantity', 'opening_unit_cost', 'location'];

/** In the tax_rate column: no tax at all (an empty cell means the business's default rate). */
export const NO_TAX = 'none';

const lower = (cell: string) => cell.toLowerCase();

/** The CSV columns of products; import and export use the same names (documented on the DTO). */
export const PRODUCT_IMPORT: ImportSchema<ProductCsvRowDto> = {
  dto: ProductCsvRowDto,
  required: ['sku', 'name'],
  columns: [
    { name: 'sku', path: 'sku' },
    { name: 'name', path: 'name' },
    { name: 'kind', path: 'kind', parse: lower },
    { name: 'unit', path: 'unit' },
    { name: 'sales_price', path: 'salesPrice' },
    { name: 'purchase_cost', path: 'purchaseCost' },
    { name: 'tax_rate', path: 'taxRate' },
    { name: 'track_stock', path: 'trackStock', parse: parseBoolean },
    { name: 'active', path: 'active', parse: parseBoolean },
    { name: 'description', path: 'description' },
    { name: 'opening_quantity', path: 'openingQuantity' },
    { name: 'opening_unit_cost', path: 'openingUnitCost' },
    { name: 'location', path: 'location' },
  ],
};

export const PRODUCT_EXPORT_COLUMNS = [
  ...PRODUCT_IMPORT.columns.map((c) => c.name).filter((name) => !OPENING_STOCK_COLUMNS.includes(name)),
  'created_at',
];

export function productExportRow(p: ProductRow): string[] {
  return [
    p.sku,
    p.name,
    p.kind,
    p.unit,
    minorToAmount(p.salesPriceMinor, p.currency),
    p.purchaseCostMinor === null ? '' : minorToAmount(p.purchaseCostMinor, p.currency),
    p.taxRateName ?? NO_TAX,
    String(p.trackStock),
    String(p.active),
    p.description ?? '',
    p.createdAt.toISOString(),
  ];
}
