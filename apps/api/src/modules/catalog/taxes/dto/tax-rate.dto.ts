import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { FILTER_ANY, OptionalNotNull, trim } from '../../catalog.dto';

/** 0 to 100 with at most four decimals, as numeric(7,4) stores it. */
export const RATE = /^(100(\.0{1,4})?|\d{1,2}(\.\d{1,4})?)$/;
const RATE_MESSAGE = 'must be a percentage from 0 to 100 with at most 4 decimals, such as 13 or 8.25';
export const ACTIVE_FILTER = ['true', 'false', FILTER_ANY] as const;

export class CreateTaxRateDto {
  @ApiProperty({ example: 'VAT 13%', maxLength: 100 })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(100)
  name: string;

  @ApiProperty({ example: '13', description: 'Percent as a decimal string: "13" is 13 %, "8.25" is 8.25 %' })
  @IsString({ message: RATE_MESSAGE })
  @Matches(RATE, { message: RATE_MESSAGE })
  rate: string;

  @ApiPropertyOptional({
    example: true,
    description: 'Offered first for new products and lines. The first rate of a business becomes the default unless this is false.',
  })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  isDefault?: boolean;
}

export class UpdateTaxRateDto {
  @ApiPropertyOptional({ example: 'VAT 13%', maxLength: 100 })
  @OptionalNotNull()
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({
    example: '13',
    description: 'New percentage. Documents already written keep the rate they were written with.',
  })
  @OptionalNotNull()
  @IsString({ message: RATE_MESSAGE })
  @Matches(RATE, { message: RATE_MESSAGE })
  rate?: string;

  @ApiPropertyOptional({ example: true, description: 'true makes this the default (and the previous default not); false clears it' })
  @OptionalNotNull()
  @IsBoolean({ message: 'must be true or false' })
  isDefault?: boolean;
}

export class ListTaxRatesQueryDto {
  @ApiPropertyOptional({ enum: ACTIVE_FILTER, default: 'true', description: 'Active rates (default), inactive ones, or any' })
  @IsOptional()
  @IsIn(ACTIVE_FILTER, { message: `must be one of ${ACTIVE_FILTER.join(', ')}` })
  active?: (typeof ACTIVE_FILTER)[number];
}

export class TaxRateDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'VAT 13%' }) name: string;
  @ApiProperty({ example: '13', description: 'Percent as a decimal string, without trailing zeros' }) rate: string;
  @ApiProperty() isDefault: boolean;
  @ApiProperty() active: boolean;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: Date;
}

export class TaxRateListDto {
  @ApiProperty({ type: [TaxRateDto], description: 'By name' }) items: TaxRateDto[];
}
