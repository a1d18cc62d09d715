import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CURRENCIES } from '@keeper/money';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { MoneyDto, UNSIGNED_DECIMAL } from '../../../common/money.dto';
import { PageQueryDto } from '../../../common/pagination';
import { AccountRefDto, IsCalendarDate, trim, upper, UserRefDto } from './common';

export class ManualLineDto {
  @ApiProperty({ format: 'uuid', description: 'An active account of the business (not a control account such as receivables)' })
  @IsUUID('all', { message: 'must be an account id' })
  accountId: string;

  @ApiProperty({ enum: ['debit', 'credit'] })
  @IsIn(['debit', 'credit'], { message: 'must be debit or credit' })
  side: 'debit' | 'credit';

  @ApiProperty({
    example: '250.00',
    description: 'Unsigned decimal in the line currency, within its decimal places. 0 only with baseAmount (an FX difference)',
  })
  @IsString()
  @Matches(UNSIGNED_DECIMAL, { message: 'must be a decimal such as 1234.56, without a sign (choose the side instead)' })
  amount: string;

  @ApiPropertyOptional({ example: 'EUR', description: 'ISO 4217; defaults to the base currency' })
  @IsOptional()
  @Transform(upper)
  @IsIn(CURRENCIES, { message: 'must be an ISO 4217 currency code such as USD or CNY' })
  currency?: string;

  @ApiPropertyOptional({
    example: '1.0825',
    description:
      'For a foreign-currency line: base-currency units per 1 unit of the line currency. The base amount is rounded half-even',
  })
  @IsOptional()
  @IsString()
  @Matches(UNSIGNED_DECIMAL, { message: 'must be a decimal such as 7.1234' })
  exchangeRate?: string;

  @ApiPropertyOptional({
    example: '270.63',
    description: 'For a foreign-currency line instead of exchangeRate: its value in the base currency, unsigned',
  })
  @IsOptional()
  @IsString()
  @Matches(UNSIGNED_DECIMAL, { message: 'must be a decimal such as 1234.56, without a sign' })
  baseAmount?: string;

  @ApiPropertyOptional({ example: 'March rent', maxLength: 500 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  description?: string;
}

export class CreateManualEntryDto {
  @ApiProperty({ example: '2025-03-31', description: 'The day the entry belongs to in the books' })
  @IsCalendarDate()
  date: string;

  @ApiProperty({ example: 'Owner invested cash', maxLength: 500 })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(500)
  description: string;

  @ApiProperty({
    type: [ManualLineDto],
    minItems: 2,
    maxItems: 200,
    description: 'Debits must equal credits in every currency and, after conversion, in the base currency',
  })
  @IsArray({ message: 'must be a list of lines' })
  @ArrayMinSize(2, { message: 'must have at least 2 lines' })
  @ArrayMaxSize(200, { message: 'must have at most 200 lines' })
  @ValidateNested({ each: true })
  @Type(() => ManualLineDto)
  lines: ManualLineDto[];
}

export class ReverseEntryDto {
  @ApiPropertyOptional({ example: '2025-04-01', description: 'Date of the reversing entry; defaults to today, not before the entry' })
  @IsOptional()
  @IsCalendarDate()
  date?: string;

  @ApiPropertyOptional({ example: 'Reversal: posted to the wrong account', maxLength: 500 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(500)
  description?: string;
}

export class JournalLineDto {
  @ApiProperty({ example: 1 }) lineNo: number;
  @ApiProperty({ type: AccountRefDto }) account: AccountRefDto;
  @ApiProperty({ enum: ['debit', 'credit'] }) side: string;
  @ApiProperty({ type: MoneyDto, description: 'Signed (debit positive) in the line currency; 0 on an FX difference line' })
  amount: MoneyDto;
  @ApiProperty({ type: MoneyDto, description: 'Signed (debit positive) value in the base currency' })
  baseAmount: MoneyDto;
  @ApiProperty({ example: '250.00', description: 'Unsigned amount as a decimal string in the line currency' })
  amountDecimal: string;
  @ApiProperty({ example: '270.63', description: 'Unsigned base amount as a decimal string in the base currency' })
  baseAmountDecimal: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The customer or supplier the line concerns' })
  contactId: string | null;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
}

export class JournalEntryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 42, description: 'Consecutive per business, in posting order' }) entryNumber: number;
  @ApiProperty({ example: '2025-03-31' }) entryDate: string;
  @ApiProperty() description: string;
  @ApiProperty({ example: 'invoice', description: "What posted it: manual, invoice, payment, credit_note, refund, void, reversal, ..." })
  sourceType: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The document that posted it' })
  sourceId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The entry this one reverses' })
  reversesEntryId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The entry that reverses this one' })
  reversedByEntryId: string | null;
  @ApiProperty({ type: UserRefDto, nullable: true, description: 'Who posted it; null for automatic postings by Keeper' })
  postedBy: UserRefDto | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: MoneyDto, description: 'Sum of the debit lines in the base currency (equals totalCredit)' })
  totalDebit: MoneyDto;
  @ApiProperty({ type: MoneyDto, description: 'Sum of the credit lines in the base currency, unsigned' })
  totalCredit: MoneyDto;
  @ApiProperty({ type: [JournalLineDto] }) lines: JournalLineDto[];
}

export class JournalEntryPageDto {
  @ApiProperty({ type: [JournalEntryDto] }) items: JournalEntryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class JournalQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: '2025-01-01', description: 'Entries dated on or after this day' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2025-12-31', description: 'Entries dated on or before this day' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({ example: 'manual', description: 'Only entries posted by this kind of source' })
  @IsOptional()
  @Matches(/^[a-z][a-z_]{0,39}$/, { message: 'must be a source type such as manual or invoice' })
  sourceType?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only entries posted by this document' })
  @IsOptional()
  @IsUUID('all', { message: 'must be an id' })
  sourceId?: string;
}
