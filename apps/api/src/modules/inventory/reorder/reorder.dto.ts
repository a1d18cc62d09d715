import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { trim } from '../../catalog/catalog.dto';
import { MoneyDto } from '../../../common/money.dto';
import { PageQueryDto } from '../../../common/pagination';
import { LocationRefDto, ProductRefDto, QUANTITY, QUANTITY_MESSAGE, RefDto } from '../dto/inventory.dto';

export const RULE_STATES = ['all', 'low'] as const;
export const SUGGESTION_STATUSES = ['open', 'dismissed', 'converted'] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];
export const CLOSED_REASONS = ['dismissed', 'stock_recovered', 'rule_removed', 'converted'] as const;

export class CreateReorderRuleDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a product id' })
  productId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a location id' })
  locationId: string;

  @ApiProperty({ example: '10', description: 'Low when available (on hand minus reserved) is at or below this' })
  @IsString()
  @Matches(QUANTITY, { message: QUANTITY_MESSAGE })
  reorderPoint: string;

  @ApiProperty({ example: '50', description: 'How much to order when low' })
  @IsString()
  @Matches(QUANTITY, { message: QUANTITY_MESSAGE })
  reorderQuantity: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Supplier to order from' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a supplier id' })
  preferredSupplierId?: string | null;
}

export class UpdateReorderRuleDto {
  @ApiPropertyOptional({ example: '10' })
  @IsOptional()
  @IsString()
  @Matches(QUANTITY, { message: QUANTITY_MESSAGE })
  reorderPoint?: string;

  @ApiPropertyOptional({ example: '50' })
  @IsOptional()
  @IsString()
  @Matches(QUANTITY, { message: QUANTITY_MESSAGE })
  reorderQuantity?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'null: no preferred supplier' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a supplier id' })
  preferredSupplierId?: string | null;
}

export class ReorderRuleQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a location id' })
  locationId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "One product's rules" })
  @IsOptional()
  @IsUUID('all', { message: 'must be a product id' })
  productId?: string;

  @ApiPropertyOptional({ description: 'Search SKU or name' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: RULE_STATES, default: 'all', description: 'low: available is at or below the reorder point' })
  @IsOptional()
  @IsIn(RULE_STATES, { message: `must be one of ${RULE_STATES.join(', ')}` })
  state?: (typeof RULE_STATES)[number];
}

export class ReorderRuleDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: ProductRefDto }) product: ProductRefDto;
  @ApiProperty({ type: LocationRefDto }) location: LocationRefDto;
  @ApiProperty({ example: '10' }) reorderPoint: string;
  @ApiProperty({ example: '50' }) reorderQuantity: string;
  @ApiProperty({ type: RefDto, nullable: true }) preferredSupplier: RefDto | null;
  @ApiProperty({ example: '12' }) onHand: string;
  @ApiProperty({ example: '2' }) reserved: string;
  @ApiProperty({ example: '10' }) available: string;
  @ApiProperty({ description: 'Available is at or below the reorder point now' }) low: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the current low-stock alert was raised' })
  alertedAt: string | null;
}

export class ReorderRulePageDto {
  @ApiProperty({ type: [ReorderRuleDto] }) items: ReorderRuleDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class ReorderSuggestionQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: SUGGESTION_STATUSES, default: 'open' })
  @IsOptional()
  @IsIn(SUGGESTION_STATUSES, { message: `must be one of ${SUGGESTION_STATUSES.join(', ')}` })
  status?: SuggestionStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a location id' })
  locationId?: string;
}

export class ReorderSuggestionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: SUGGESTION_STATUSES }) status: SuggestionStatus;
  @ApiProperty({ enum: CLOSED_REASONS, nullable: true }) closedReason: (typeof CLOSED_REASONS)[number] | null;
  @ApiProperty({ type: ProductRefDto }) product: ProductRefDto;
  @ApiProperty({ type: LocationRefDto }) location: LocationRefDto;
  @ApiProperty({ type: RefDto, nullable: true }) supplier: RefDto | null;
  @ApiProperty({ example: '50', description: 'Suggested order quantity' }) quantity: string;
  @ApiProperty({ example: '3', description: 'Available when the suggestion was raised' }) availableAtAlert: string;
  @ApiProperty({ example: '10' }) reorderPoint: string;
  @ApiProperty({ example: '4', description: 'Available now' }) availableNow: string;
  @ApiProperty({ type: MoneyDto, nullable: true, description: "Quantity at the product's purchase cost" }) estimatedCost: MoneyDto | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) ruleId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The draft purchase order it became' })
  purchaseOrderId: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt: string | null;
}

export class ReorderSuggestionPageDto {
  @ApiProperty({ type: [ReorderSuggestionDto] }) items: ReorderSuggestionDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
  @ApiProperty({ description: 'Whether suggestions can become purchase orders here (the purchasing module is available)' })
  canConvert: boolean;
}

export class ConvertSuggestionDto {
  @ApiPropertyOptional({ format: 'uuid', description: "Order from this supplier; omitted: the rule's preferred supplier" })
  @IsOptional()
  @IsUUID('all', { message: 'must be a supplier id' })
  supplierId?: string;

  @ApiPropertyOptional({ example: '60', description: 'Order this much instead of the suggested quantity' })
  @IsOptional()
  @IsString()
  @Matches(QUANTITY, { message: QUANTITY_MESSAGE })
  quantity?: string;
}

export class PurchaseOrderRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true, example: 'PO-00012' }) number: string | null;
}

export class ConvertedSuggestionDto {
  @ApiProperty({ type: ReorderSuggestionDto }) suggestion: ReorderSuggestionDto;
  @ApiProperty({ type: PurchaseOrderRefDto }) purchaseOrder: PurchaseOrderRefDto;
}
