import { IsOptional, IsString, MaxLength } from 'class-validator';
import { minorToAmount } from '../amounts';
import { ImportSchema, parseBoolean } from '../csv/csv-import';
import { CreateProductDto } from './dto/product.dto';
import type { ProductRow } from './products.repository';

/** A CSV row names its tax rate instead of giving its id. */
export class ProductCsvRowDto extends CreateProductDto {
  @IsOptional()
  @IsString()
  @MaxLength(100)
  taxRate?: string;
}

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
  ],
};

export const PRODUCT_EXPORT_COLUMNS = [...PRODUCT_IMPORT.columns.map((c) => c.name), 'created_at'];

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
