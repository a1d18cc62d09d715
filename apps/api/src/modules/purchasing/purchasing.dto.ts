import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';

/** Pieces the purchasing DTOs share. */

export const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
export const DATE = { message: 'must be a date like 2026-11-23' };
export const AMOUNT = { message: 'must be an amount like 125.00' };
export const RATE = /^\d{1,12}(\.\d{1,12})?$/;
export const RATE_MESSAGE = { message: 'must be a positive rate like 7.1234' };
export const QUANTITY = /^\d{1,12}(\.\d{1,4})?$/;
export const QUANTITY_MESSAGE = { message: 'must be a positive number with at most 4 decimals, like 2.5' };

/** What every purchase line says, on an order or a bill. */
export class PurchaseLineBaseDto {
  @ApiPropertyOptional({ example: 'Oolong tea, 500 g' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(2000)
  description?: string;

  @ApiProperty({ example: '12', description: 'Decimal string, up to 4 decimals' })
  @Matches(QUANTITY, QUANTITY_MESSAGE)
  quantity: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: "null for no tax; omitted = the order line's or product's rate" })
  @IsOptional()
  @IsUUID('all', { message: 'must be a tax rate id' })
  taxRateId?: string | null;
}

export class ReasonDto {
  @ApiProperty({ example: 'Entered twice' })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(500)
  reason: string;
}

export class NamedRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class AccountRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '6500' }) code: string;
  @ApiProperty({ example: 'Office supplies' }) name: string;
}

export class SpendAccountDto extends AccountRefDto {
  @ApiProperty({ enum: ['expense', 'asset'] }) type: string;
  @ApiProperty({ example: 'operating_expense' }) subtype: string;
}

export class SpendAccountListDto {
  @ApiProperty({ type: [SpendAccountDto] }) items: SpendAccountDto[];
}
