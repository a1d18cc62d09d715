import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { OptionalNotNull, trim } from '../../catalog/catalog.dto';
import { AddressDto } from '../../catalog/contacts/dto/contact.dto';
import { MoneyDto, UNSIGNED_DECIMAL } from '../../../common/money.dto';
import { PageQueryDto } from '../../../common/pagination';

const DATE = { message: 'must be a date like 2026-11-23' };
export const QUANTITY = /^\d{1,14}(\.\d{1,4})?$/;
export const QUANTITY_MESSAGE = 'must be a number with at most 4 decimals, like 2.5';
const SIGNED_QUANTITY = /^-?\d{1,14}(\.\d{1,4})?$/;

export const LOCATION_KINDS = ['warehouse', 'shop'] as const;
export const VALUATION_METHODS = ['moving_average', 'fifo'] as const;
export const OPERATION_KINDS = ['receipt', 'shipment', 'transfer', 'adjustment', 'count'] as const;
export const MOVEMENT_KINDS = ['receipt', 'shipment', 'transfer_out', 'transfer_in', 'adjustment', 'count'] as const;

// ---- locations ----

export class LocationInputDto {
  @ApiProperty({ example: 'SH1', maxLength: 20, description: 'Short code, unique in the business' })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(20)
  @Matches(/^\S(.*\S)?$/, { message: 'must not start or end with a space' })
  code: string;

  @ApiProperty({ example: 'Jing’an shop', maxLength: 100 })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(100)
  name: string;

  @ApiPropertyOptional({ enum: LOCATION_KINDS, default: 'warehouse' })
  @OptionalNotNull()
  @IsIn(LOCATION_KINDS, { message: `must be one of ${LOCATION_KINDS.join(', ')}` })
  kind?: (typeof LOCATION_KINDS)[number];

  @ApiPropertyOptional({ type: AddressDto, nullable: true, example: { line1: '18 Fuxing Road', city: 'Shanghai', country: 'CN' } })
  @IsOptional()
  @IsObject({ message: 'must be an address object' })
  @ValidateNested()
  @Type(() => AddressDto)
  address?: AddressDto | null;
}

export class LocationListQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], default: 'false', description: 'Include archived locations' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'must be true or false' })
  includeArchived?: 'true' | 'false';
}

export class LocationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'MAIN' }) code: string;
  @ApiProperty({ example: 'Main warehouse' }) name: string;
  @ApiProperty({ enum: LOCATION_KINDS }) kind: (typeof LOCATION_KINDS)[number];
  @ApiProperty({ type: AddressDto, nullable: true }) address: AddressDto | null;
  @ApiProperty() isDefault: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) archivedAt: string | null;
  @ApiProperty({ description: 'Products with stock on hand here' }) productCount: number;
  @ApiProperty({ type: MoneyDto, description: 'Value of the stock here, in the base currency' }) value: MoneyDto;
}

export class LocationListDto {
  @ApiProperty({ type: [LocationDto] }) items: LocationDto[];
}

// ---- settings ----

export class InventorySettingsDto {
  @ApiProperty({ enum: VALUATION_METHODS, description: 'Moving-average cost (default) or first in, first out' })
  valuationMethod: (typeof VALUATION_METHODS)[number];

  @ApiProperty({ description: 'Whether stock may go below zero (shipping before the goods are booked in)' })
  allowNegativeStock: boolean;

  @ApiProperty({ description: 'The valuation method can no longer change: stock has moved' })
  valuationMethodLocked: boolean;
}

export class UpdateInventorySettingsDto {
  @ApiPropertyOptional({ enum: VALUATION_METHODS })
  @OptionalNotNull()
  @IsIn(VALUATION_METHODS, { message: `must be one of ${VALUATION_METHODS.join(', ')}` })
  valuationMethod?: (typeof VALUATION_METHODS)[number];

  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsBoolean({ message: 'must be true or false' })
  allowNegativeStock?: boolean;
}

// ---- manual operations ----

export class AdjustmentLineDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a product id' })
  productId: string;

  @ApiProperty({ example: '-2', description: 'Signed change: "5" adds five, "-2" removes two' })
  @IsString()
  @Matches(SIGNED_QUANTITY, { message: 'must be a number with at most 4 decimals, like 5 or -2' })
  quantityChange: string;

  @ApiPropertyOptional({
    example: '4.20',
    description: 'Cost of one unit added, in the base currency; omitted: the current average cost',
  })
  @IsOptional()
  @Matches(UNSIGNED_DECIMAL, { message: 'must be an amount like 4.20' })
  unitCost?: string;
}

export const ADJUSTMENT_REASONS = ['damaged', 'lost', 'found', 'expired', 'correction', 'sample', 'opening', 'other'] as const;

export class CreateAdjustmentDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a location id' })
  locationId: string;

  @ApiPropertyOptional({ example: '2026-11-23', description: "Defaults to today in the business's time zone" })
  @IsOptional()
  @IsDateString({ strict: true }, DATE)
  date?: string;

  @ApiProperty({ enum: ADJUSTMENT_REASONS })
  @IsIn(ADJUSTMENT_REASONS, { message: `must be one of ${ADJUSTMENT_REASONS.join(', ')}` })
  reason: (typeof ADJUSTMENT_REASONS)[number];

  @ApiPropertyOptional({ example: 'Two jars broken in transit', maxLength: 500 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  note?: string;

  @ApiProperty({ type: [AdjustmentLineDto] })
  @IsArray()
  @ArrayMinSize(1, { message: 'add at least one line' })
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => AdjustmentLineDto)
  lines: AdjustmentLineDto[];
}

export class TransferLineDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a product id' })
  productId: string;

  @ApiProperty({ example: '12' })
  @IsString()
  @Matches(QUANTITY, { message: QUANTITY_MESSAGE })
  quantity: string;
}

export class CreateTransferDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a location id' })
  fromLocationId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a location id' })
  toLocationId: string;

  @ApiPropertyOptional({ example: '2026-11-23' })
  @IsOptional()
  @IsDateString({ strict: true }, DATE)
  date?: string;

  @ApiPropertyOptional({ example: 'Weekly restock of the shop', maxLength: 500 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  note?: string;

  @ApiProperty({ type: [TransferLineDto] })
  @IsArray()
  @ArrayMinSize(1, { message: 'add at least one line' })
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => TransferLineDto)
  lines: TransferLineDto[];
}

// ---- reads ----

export class RefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class ProductRefDto extends RefDto {
  @ApiProperty() sku: string;
  @ApiProperty({ example: 'pcs' }) unit: string;
}

export class LocationRefDto extends RefDto {
  @ApiProperty() code: string;
}

export class StockLevelDto {
  @ApiProperty({ type: ProductRefDto }) product: ProductRefDto;
  @ApiProperty({ type: LocationRefDto }) location: LocationRefDto;
  @ApiProperty({ example: '12.5' }) onHand: string;
  @ApiProperty({ example: '2', description: 'Held for confirmed sales orders' }) reserved: string;
  @ApiProperty({ example: '10.5', description: 'On hand minus reserved' }) available: string;
  @ApiProperty({ type: MoneyDto, description: 'Value at cost, base currency' }) value: MoneyDto;
  @ApiProperty({ type: MoneyDto, nullable: true, description: 'Value of one unit (rounded); null when nothing is on hand' })
  unitCost: MoneyDto | null;
}

export class StockLevelPageDto {
  @ApiProperty({ type: [StockLevelDto] }) items: StockLevelDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export const STOCK_LEVEL_FILTERS = ['in_stock', 'all', 'negative'] as const;

export class StockLevelQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'One location; omitted: every location' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a location id' })
  locationId?: string;

  @ApiPropertyOptional({ description: 'Search SKU or name' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: STOCK_LEVEL_FILTERS, default: 'in_stock', description: 'in_stock: anything on hand or held' })
  @IsOptional()
  @IsIn(STOCK_LEVEL_FILTERS, { message: `must be one of ${STOCK_LEVEL_FILTERS.join(', ')}` })
  filter?: (typeof STOCK_LEVEL_FILTERS)[number];
}

export class ProductStockDto {
  @ApiProperty({ type: ProductRefDto }) product: ProductRefDto;
  @ApiProperty() trackStock: boolean;
  @ApiProperty({ type: [StockLevelDto], description: 'One row per location that ever held the product' }) locations: StockLevelDto[];
  @ApiProperty() onHand: string;
  @ApiProperty() reserved: string;
  @ApiProperty() available: string;
  @ApiProperty({ type: MoneyDto }) value: MoneyDto;
}

export class StockCardQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'One location; omitted: all locations (running totals over all)' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a location id' })
  locationId?: string;
}

export class StockCardEntryDto {
  @ApiProperty({ format: 'uuid' }) movementId: string;
  @ApiProperty({ format: 'uuid' }) operationId: string;
  @ApiProperty({ example: '2026-11-23' }) date: string;
  @ApiProperty({ enum: MOVEMENT_KINDS }) kind: (typeof MOVEMENT_KINDS)[number];
  @ApiProperty({ type: LocationRefDto }) location: LocationRefDto;
  @ApiProperty({ example: 'Shipment SO-00012 to Lotus Tea House' }) description: string;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ example: 'sales_shipment' }) sourceType: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) sourceId: string | null;
  @ApiProperty({ example: '-2', description: 'Signed: in positive, out negative' }) quantity: string;
  @ApiProperty({ type: MoneyDto, description: 'Signed value of the movement at cost' }) value: MoneyDto;
  @ApiProperty({ example: '10', description: 'Running quantity after this movement' }) balanceQuantity: string;
  @ApiProperty({ type: MoneyDto, description: 'Running value after this movement' }) balanceValue: MoneyDto;
}

export class StockCardPageDto {
  @ApiProperty({ type: ProductRefDto }) product: ProductRefDto;
  @ApiProperty({ type: [StockCardEntryDto], description: 'Newest first' }) items: StockCardEntryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class OperationListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: OPERATION_KINDS })
  @IsOptional()
  @IsIn(OPERATION_KINDS, { message: `must be one of ${OPERATION_KINDS.join(', ')}` })
  kind?: (typeof OPERATION_KINDS)[number];

  @ApiPropertyOptional({ format: 'uuid', description: 'Operations from or into this location' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a location id' })
  locationId?: string;
}

export class OperationMovementDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: MOVEMENT_KINDS }) kind: (typeof MOVEMENT_KINDS)[number];
  @ApiProperty({ type: ProductRefDto }) product: ProductRefDto;
  @ApiProperty({ type: LocationRefDto }) location: LocationRefDto;
  @ApiProperty() quantity: string;
  @ApiProperty({ type: MoneyDto }) value: MoneyDto;
}

export class OperationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: OPERATION_KINDS }) kind: (typeof OPERATION_KINDS)[number];
  @ApiProperty() date: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: LocationRefDto }) location: LocationRefDto;
  @ApiProperty({ type: LocationRefDto, nullable: true }) toLocation: LocationRefDto | null;
  @ApiProperty() sourceType: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) sourceId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) journalEntryId: string | null;
  @ApiProperty({ type: MoneyDto, description: 'Sum of the movements\' values (0 for a transfer)' }) value: MoneyDto;
  @ApiProperty() lineCount: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}

export class OperationDetailDto extends OperationDto {
  @ApiProperty({ type: [OperationMovementDto] }) movements: OperationMovementDto[];
}

export class OperationPageDto {
  @ApiProperty({ type: [OperationDto] }) items: OperationDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class ValuationQueryDto {
  @ApiPropertyOptional({ example: '2026-10-31', description: 'Stock as of the end of this day; omitted: today' })
  @IsOptional()
  @IsDateString({ strict: true }, DATE)
  asOf?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a location id' })
  locationId?: string;
}

export class ValuationRowDto {
  @ApiProperty({ type: ProductRefDto }) product: ProductRefDto;
  @ApiProperty() quantity: string;
  @ApiProperty({ type: MoneyDto }) value: MoneyDto;
  @ApiProperty({ type: MoneyDto, nullable: true }) unitCost: MoneyDto | null;
}

export class ValuationDto {
  @ApiProperty() asOf: string;
  @ApiProperty({ enum: VALUATION_METHODS }) method: (typeof VALUATION_METHODS)[number];
  @ApiProperty({ type: LocationRefDto, nullable: true }) location: LocationRefDto | null;
  @ApiProperty({ type: [ValuationRowDto] }) rows: ValuationRowDto[];
  @ApiProperty({ type: MoneyDto }) total: MoneyDto;
  @ApiProperty({ type: MoneyDto, description: 'The inventory account in the ledger as of the same day (all locations)' })
  ledgerBalance: MoneyDto;
}

export class MovementExportQueryDto {
  @ApiPropertyOptional({ example: '2026-01-01' })
  @IsOptional()
  @IsDateString({ strict: true }, DATE)
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31' })
  @IsOptional()
  @IsDateString({ strict: true }, DATE)
  to?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a location id' })
  locationId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a product id' })
  productId?: string;
}
