import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsCalendarDate } from '../../ledger/dto/common';

export class PeriodQueryDto {
  @ApiPropertyOptional({ example: '2025-03-01', description: 'First day, inclusive; defaults to the first day of the month of `to`' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2025-03-31', description: 'Last day, inclusive; defaults to today in the business time zone' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

export const COMPARISONS = ['previous-period'] as const;

export class ProfitAndLossQueryDto extends PeriodQueryDto {
  @ApiPropertyOptional({
    enum: COMPARISONS,
    description:
      'Adds the period just before, of the same length: whole calendar months compare with as many months before, other ranges with as many days',
  })
  @IsOptional()
  @IsIn(COMPARISONS, { message: 'must be previous-period' })
  compare?: (typeof COMPARISONS)[number];
}

export class AsOfQueryDto {
  @ApiPropertyOptional({ example: '2025-03-31', description: 'Includes everything dated up to this day; defaults to today' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}

export class PeriodDto {
  @ApiProperty({ example: '2025-02-01' }) from: string;
  @ApiProperty({ example: '2025-02-28' }) to: string;
}
