import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { MoneyDto } from '../../../../common/money.dto';
import {
  AMOUNT,
  AMOUNT_MESSAGE,
  FILTER_ANY,
  importModeProperty,
  isImportMode,
  MAX_CSV_CHARS,
  OptionalNotNull,
  SortedPageQueryDto,
  trim,
  trimOrNull,
  ImportResultDto,
  type ImportMode,
} from '../../catalog.dto';

export const PRODUCT_KINDS = ['product', 'service'] as const;
export type ProductKind = (typeof PRODUCT_KINDS)[number];
export const PRODUCT_SORTS = ['name', '-name', 'sku', '-sku', 'createdAt', '-createdAt'] as const;
export type ProductSort = (typeof PRODUCT_SORTS)[number];
export const ACTIVE_FILTER = ['true', 'false', FILTER_ANY] as const;

// Printable, no control characters, no surrounding spaces (trimmed before this check).
const SKU = /^[^\p{Cc}]{1,64}$/u;

class ProductFieldsDto {
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Loose-leaf, 250 g tin' })
  @IsOptional()
  @Transform(trimOrNull)
  @IsString()
  @MaxLength(5000)
  description?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '32.00',
    description: 'Purchase cost per unit in the base currency, major units; null when unknown',
  })
  @IsOptional()
  @Transform(trimOrNull)
  @Matches(AMOUNT, { message: AMOUNT_MESSAGE })
  purchaseCost?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    example: '3f0c2a52-8d0e-4a7b-9a43-2b1c5d6e7f80',
    description: "An active tax rate of the business; null for none. On create, omitted means the business's default rate.",
  })
  @IsOptional()
  @IsUUID('all', { message: 'must be a tax rate id' })
  taxRateId?: string | null;
}

export class CreateProductDto extends ProductFieldsDto {
  @ApiProperty({ example: 'TEA-LJ-250', maxLength: 64, description: 'Unique in the business, ignoring case' })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @Matches(SKU, { message: 'must be 1 to 64 characters without control characters' })
  sku: string;

  @ApiProperty({ example: 'Longjing green tea 250 g', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ enum: PRODUCT_KINDS, default: 'product' })
  @IsOptional()
  @IsIn(PRODUCT_KINDS, { message: `must be one of ${PRODUCT_KINDS.join(', ')}` })
  kind?: ProductKind;

  @ApiPropertyOptional({ example: 'pcs', default: 'pcs', maxLength: 20, description: 'Unit of sale: pcs, kg, h, m…' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(20)
  unit?: string;

  @ApiPropertyOptional({
    example: '58.00',
    default: '0',
    description: "Sales price per unit in the base currency, major units; tax-inclusive when the business's prices include tax",
  })
  @IsOptional()
  @Transform(trim)
  @Matches(AMOUNT, { message: AMOUNT_MESSAGE })
  salesPrice?: string;

  @ApiPropertyOptional({ example: false, default: false, description: 'Track stock levels (products only)' })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  trackStock?: boolean;

  @ApiPropertyOptional({ example: true, default: true })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  active?: boolean;
}

export class UpdateProductDto extends ProductFieldsDto {
  @ApiPropertyOptional({ example: 'TEA-LJ-250', maxLength: 64 })
  @OptionalNotNull()
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @Matches(SKU, { message: 'must be 1 to 64 characters without control characters' })
  sku?: string;

  @ApiPropertyOptional({ example: 'Longjing green tea 250 g', maxLength: 200 })
  @OptionalNotNull()
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: PRODUCT_KINDS })
  @OptionalNotNull()
  @IsIn(PRODUCT_KINDS, { message: `must be one of ${PRODUCT_KINDS.join(', ')}` })
  kind?: ProductKind;

  @ApiPropertyOptional({ example: 'pcs', maxLength: 20 })
  @OptionalNotNull()
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(20)
  unit?: string;

  @ApiPropertyOptional({ example: '58.00' })
  @OptionalNotNull()
  @Transform(trim)
  @Matches(AMOUNT, { message: AMOUNT_MESSAGE })
  salesPrice?: string;

  @ApiPropertyOptional({ example: false })
  @OptionalNotNull()
  @IsBoolean({ message: 'must be true or false' })
  trackStock?: boolean;
}

export class ProductFilterDto {
  @ApiPropertyOptional({ type: String, description: 'Case-insensitive search in SKU and name', maxLength: 200 })
  @IsOptional()
  @Transform(trimOrNull)
  @IsString()
  @MaxLength(200)
  q?: string | null;

  @ApiPropertyOptional({ enum: PRODUCT_KINDS })
  @IsOptional()
  @IsIn(PRODUCT_KINDS, { message: `must be one of ${PRODUCT_KINDS.join(', ')}` })
  kind?: ProductKind;

  @ApiPropertyOptional({ enum: ACTIVE_FILTER, default: 'true', description: 'Active products (default), inactive ones, or any' })
  @IsOptional()
  @IsIn(ACTIVE_FILTER, { message: `must be one of ${ACTIVE_FILTER.join(', ')}` })
  active?: (typeof ACTIVE_FILTER)[number];

  @ApiPropertyOptional({
    enum: PRODUCT_SORTS,
    default: 'name',
    description: 'Field to sort by; a leading "-" sorts descending. Names and SKUs sort case-insensitively.',
  })
  @IsOptional()
  @IsIn(PRODUCT_SORTS, { message: `must be one of ${PRODUCT_SORTS.join(', ')}` })
  sort?: ProductSort;
}

export class ListProductsQueryDto extends IntersectionType(ProductFilterDto, SortedPageQueryDto) {}

export class ProductTaxRateDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'VAT 13%' }) name: string;
  @ApiProperty({ example: '13' }) rate: string;
  @ApiProperty() active: boolean;
}

export class ProductDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() sku: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: PRODUCT_KINDS }) kind: string;
  @ApiProperty({ example: 'pcs' }) unit: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ type: MoneyDto, description: 'Per unit, in the base currency' }) salesPrice: MoneyDto;
  @ApiProperty({ type: MoneyDto, nullable: true, description: 'Per unit, in the base currency' }) purchaseCost: MoneyDto | null;
  @ApiProperty({ type: ProductTaxRateDto, nullable: true }) taxRate: ProductTaxRateDto | null;
  @ApiProperty() trackStock: boolean;
  @ApiProperty() active: boolean;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: Date;
}

export class ProductPageDto {
  @ApiProperty({ type: [ProductDto] }) items: ProductDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

const PRODUCT_CSV_HELP =
  'CSV text (RFC 4180, UTF-8, optional BOM), first row = column names, matched case-insensitively: ' +
  '`sku` (required, unique in the business and in the file, ignoring case), `name` (required), ' +
  '`kind` (product | service; default product), `unit` (default pcs), ' +
  '`sales_price` and `purchase_cost` (amounts in the base currency, e.g. 58.00), ' +
  "`tax_rate` (name of an active tax rate; empty = the default rate; `none` = no tax), " +
  '`track_stock` and `active` (true/false, yes/no, 1/0), `description`. ' +
  'Opening stock (optional): `opening_quantity` (on hand now; the product then tracks stock), `opening_unit_cost` ' +
  '(per unit in the base currency; default the purchase cost) and `location` (a location code; default the default ' +
  'location). It is booked as a receipt against opening balance equity, one stock operation per location. ' +
  'Other columns are ignored and listed in `ignoredColumns`; empty cells mean "not given". The export file uses the same ' +
  'columns, without the opening stock ones.';

export class ProductImportPreviewRequestDto {
  @ApiProperty({ description: PRODUCT_CSV_HELP, example: 'sku,name,sales_price\r\nTEA-1,Green tea,58.00\r\n' })
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(MAX_CSV_CHARS, { message: 'is larger than 1 MB; split the file' })
  csv: string;
}

export class ProductImportRequestDto extends ProductImportPreviewRequestDto {
  @importModeProperty()
  @isImportMode()
  mode: ImportMode;
}

export class OpeningStockOperationDto {
  @ApiProperty({ format: 'uuid' }) operationId: string;
  @ApiProperty({ example: 'MAIN' }) locationCode: string;
  @ApiProperty({ description: 'Products received' }) lines: number;
  @ApiProperty({ type: MoneyDto, description: 'Value booked to inventory against opening balance equity' }) value: MoneyDto;
}

export class ProductImportResultDto extends ImportResultDto {
  @ApiProperty({ type: [OpeningStockOperationDto], description: 'The opening stock booked, one receipt per location' })
  openingStock: OpeningStockOperationDto[];
}
