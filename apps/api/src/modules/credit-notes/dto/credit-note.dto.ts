import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDateString,
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

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const DATE = { message: 'must be a date like 2026-11-23' };

export class CreditNoteLineInputDto {
  @ApiProperty({ example: 'Returned: oolong tea, 500 g' })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(2000)
  description: string;

  @ApiProperty({ example: '1', description: 'Decimal string, up to 4 decimals' })
  @Matches(/^\d{1,12}(\.\d{1,4})?$/, { message: 'must be a positive number with at most 4 decimals, like 2.5' })
  quantity: string;

  @ApiProperty({ example: '19.99', description: "Price of one unit in the invoice's currency, as on the invoice (tax included when its prices include tax)" })
  @Matches(UNSIGNED_DECIMAL, { message: 'must be an amount like 19.99' })
  unitPrice: string;

  @ApiPropertyOptional({ example: '10', description: 'Percent, 0-100' })
  @IsOptional()
  @Matches(/^\d{1,3}(\.\d{1,4})?$/, { message: 'must be a percent between 0 and 100, like 12.5' })
  discountPercent?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Tax rate of the credited line; null or omitted for no tax' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a tax rate id' })
  taxRateId?: string | null;
}

export class CreateCreditNoteDto {
  @ApiProperty({ format: 'uuid', description: 'An issued or partially paid invoice' })
  @IsUUID('all', { message: 'must be an invoice id' })
  invoiceId: string;

  @ApiPropertyOptional({ example: '2026-11-23', description: 'Defaults to today' })
  @IsOptional()
  @IsDateString({ strict: true }, DATE)
  date?: string;

  @ApiProperty({ example: 'Two boxes returned damaged' })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(500, { message: 'must be at most 500 characters' })
  reason: string;

  @ApiPropertyOptional({
    type: [CreditNoteLineInputDto],
    description: "What is credited; omitted = the invoice's lines in full (only while nothing is paid or credited)",
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'needs at least one line' })
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => CreditNoteLineInputDto)
  lines?: CreditNoteLineInputDto[];
}

export class CreditNoteListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be an invoice id' })
  invoiceId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a customer id' })
  contactId?: string;
}

export class CreditNoteLineDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() lineNo: number;
  @ApiProperty() description: string;
  @ApiProperty({ example: '1' }) quantity: string;
  @ApiProperty({ type: MoneyDto }) unitPrice: MoneyDto;
  @ApiProperty({ example: '0' }) discountPercent: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) taxRateId: string | null;
  @ApiProperty({ example: '13' }) taxRatePercent: string;
  @ApiProperty({ type: MoneyDto }) discount: MoneyDto;
  @ApiProperty({ type: MoneyDto }) net: MoneyDto;
  @ApiProperty({ type: MoneyDto }) tax: MoneyDto;
  @ApiProperty({ type: MoneyDto }) total: MoneyDto;
}

export class CreditNoteRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'INV-00042' }) number: string;
}

export class CreditNoteContactDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class CreditNoteSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'CN-00001' }) number: string;
  @ApiProperty({ type: CreditNoteRefDto }) invoice: CreditNoteRefDto;
  @ApiProperty({ type: CreditNoteContactDto }) contact: CreditNoteContactDto;
  @ApiProperty({ example: '2026-11-23' }) date: string;
  @ApiProperty() reason: string;
  @ApiProperty({ example: 'USD' }) currency: string;
  @ApiProperty({ type: MoneyDto }) total: MoneyDto;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class CreditNoteDto extends CreditNoteSummaryDto {
  @ApiProperty({ example: '7.1', description: "The invoice's rate, at which the credit note is booked" }) exchangeRate: string;
  @ApiProperty() pricesIncludeTax: boolean;
  @ApiProperty({ enum: ['line', 'document'] }) taxRounding: string;
  @ApiProperty({ type: [CreditNoteLineDto] }) lines: CreditNoteLineDto[];
  @ApiProperty({ type: MoneyDto }) subtotal: MoneyDto;
  @ApiProperty({ type: MoneyDto }) discount: MoneyDto;
  @ApiProperty({ type: MoneyDto }) tax: MoneyDto;
}

export class CreditNotePageDto {
  @ApiProperty({ type: [CreditNoteSummaryDto] }) items: CreditNoteSummaryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
