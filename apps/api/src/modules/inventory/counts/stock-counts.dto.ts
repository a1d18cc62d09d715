import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { trim } from '../../catalog/catalog.dto';
import { MoneyDto } from '../../../common/money.dto';
import { PageQueryDto } from '../../../common/pagination';
import { LocationRefDto, ProductRefDto, QUANTITY, QUANTITY_MESSAGE } from '../dto/inventory.dto';

export const COUNT_STATUSES = ['draft', 'posted', 'cancelled'] as const;
export type CountStatus = (typeof COUNT_STATUSES)[number];
export const COUNT_SCOPES = ['all', 'partial'] as const;
export const COUNT_LINE_FILTERS = ['all', 'uncounted', 'counted', 'differences', 'drift'] as const;
export type CountLineFilter = (typeof COUNT_LINE_FILTERS)[number];
export const UNCOUNTED_POLICIES = ['skip', 'zero'] as const;

export class CreateStockCountDto {
  @ApiProperty({ format: 'uuid', description: 'The location to count' })
  @IsUUID('all', { message: 'must be a location id' })
  locationId: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Count only these products. Omitted (and no q): every product that tracks stock.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'choose at least one product' })
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true, message: 'must be product ids' })
  productIds?: string[];

  @ApiPropertyOptional({ example: 'tea', description: 'Count the stocked products whose SKU or name matches' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ example: 'Year-end count, aisle 1–4', maxLength: 500 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class StockCountListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: COUNT_STATUSES })
  @IsOptional()
  @IsIn(COUNT_STATUSES, { message: `must be one of ${COUNT_STATUSES.join(', ')}` })
  status?: CountStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a location id' })
  locationId?: string;
}

export class StockCountLineQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: COUNT_LINE_FILTERS,
    default: 'all',
    description:
      'differences: counted and not what was expected (posted: a difference was booked); drift: the books moved since the snapshot',
  })
  @IsOptional()
  @IsIn(COUNT_LINE_FILTERS, { message: `must be one of ${COUNT_LINE_FILTERS.join(', ')}` })
  filter?: CountLineFilter;

  @ApiPropertyOptional({ description: 'Search SKU or name' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class CountedLineInputDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a line of this count' })
  lineId: string;

  @ApiProperty({ type: String, nullable: true, example: '12', description: 'What was counted; null: not counted (yet)' })
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @Matches(QUANTITY, { message: QUANTITY_MESSAGE })
  countedQuantity: string | null;
}

export class UpdateCountLinesDto {
  @ApiProperty({ type: [CountedLineInputDto] })
  @IsArray()
  @ArrayMinSize(1, { message: 'add at least one line' })
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => CountedLineInputDto)
  lines: CountedLineInputDto[];
}

export class ScanDto {
  @ApiProperty({ example: 'TEA-1', description: 'A SKU, typed or scanned (matched exactly, ignoring case)' })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(100)
  code: string;

  @ApiPropertyOptional({ example: '1', default: '1', description: 'Added to what was counted so far' })
  @IsOptional()
  @IsString()
  @Matches(QUANTITY, { message: QUANTITY_MESSAGE })
  quantity?: string;
}

export class PostStockCountDto {
  @ApiPropertyOptional({ example: '2026-11-23', description: "The date of the count's movements; defaults to today" })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'must be a date like 2026-11-23' })
  date?: string;

  @ApiPropertyOptional({
    enum: UNCOUNTED_POLICIES,
    default: 'skip',
    description: 'skip: lines nobody counted keep their book quantity; zero: they were looked for and not found',
  })
  @IsOptional()
  @IsIn(UNCOUNTED_POLICIES, { message: `must be one of ${UNCOUNTED_POLICIES.join(', ')}` })
  uncounted?: (typeof UNCOUNTED_POLICIES)[number];

  @ApiPropertyOptional({
    default: false,
    description:
      'Post even though the books moved since the snapshot (sales, receipts during the count). The counted quantity becomes the new quantity either way.',
  })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  acceptDrift?: boolean;
}

export class StockCountSummaryDto {
  @ApiProperty() lines: number;
  @ApiProperty() counted: number;
  @ApiProperty() uncounted: number;
  @ApiProperty({ description: 'Counted lines that differ from what was expected' }) differences: number;
  @ApiProperty({ description: 'Lines whose books moved since the snapshot (draft only)' }) drifted: number;
  @ApiProperty({
    type: MoneyDto,
    description: 'Draft: what posting would book now, at the current cost (an estimate). Posted: what was booked.',
  })
  value: MoneyDto;
}

export class StockCountDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 7 }) number: number;
  @ApiProperty({ enum: COUNT_STATUSES }) status: CountStatus;
  @ApiProperty({ enum: COUNT_SCOPES }) scope: (typeof COUNT_SCOPES)[number];
  @ApiProperty({ type: LocationRefDto }) location: LocationRefDto;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) snapshotAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, nullable: true, example: '2026-11-23' }) countDate: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) postedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) cancelledAt: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The stock operation the count was posted as' })
  operationId: string | null;
  @ApiProperty({ type: StockCountSummaryDto }) summary: StockCountSummaryDto;
}

export class StockCountPageDto {
  @ApiProperty({ type: [StockCountDto] }) items: StockCountDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class StockCountLineDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: ProductRefDto }) product: ProductRefDto;
  @ApiProperty({ example: '10', description: 'The books when the line joined the count' }) expected: string;
  @ApiProperty({ type: String, nullable: true, example: '8' }) counted: string | null;
  @ApiProperty({ type: String, nullable: true, example: '-2', description: 'Counted minus expected' }) difference: string | null;
  @ApiProperty({
    type: String,
    example: '9',
    description: 'Draft: the books now. Posted: the books when the count was posted.',
  })
  book: string;
  @ApiProperty({ example: '-1', description: 'How far the books moved since the snapshot (book minus expected)' }) drift: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '-1',
    description: 'What posting books (draft: counted minus the books now), or what was booked',
  })
  adjustment: string | null;
  @ApiProperty({ type: MoneyDto, nullable: true, description: 'Value of the adjustment (draft: at the current cost, an estimate)' })
  adjustmentValue: MoneyDto | null;
  @ApiProperty({ type: MoneyDto, nullable: true, description: 'Current cost of one unit here' }) unitCost: MoneyDto | null;
}

export class StockCountLinePageDto {
  @ApiProperty({ type: [StockCountLineDto] }) items: StockCountLineDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class StockCountLinesDto {
  @ApiProperty({ type: [StockCountLineDto] }) items: StockCountLineDto[];
}

export class ScanResultDto {
  @ApiProperty({ type: StockCountLineDto }) line: StockCountLineDto;
  @ApiProperty({ description: 'The product was not in the count and was added to it' }) added: boolean;
}
