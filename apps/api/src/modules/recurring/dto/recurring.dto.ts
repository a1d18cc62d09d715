import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CURRENCIES } from '@keeper/money';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../../common/pagination';
import { InvoiceLineInputDto } from '../../invoices/dto/invoice.dto';
import { FREQUENCIES, type Frequency } from '../schedule';

const DATE = { message: 'must be a date like 2026-11-23' };

export class RecurringInvoiceInputDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a customer id' })
  contactId: string;

  @ApiPropertyOptional({ example: 'USD', description: "Defaults to the customer's currency" })
  @IsOptional()
  @IsIn(CURRENCIES, { message: 'must be an ISO 4217 currency code such as USD or CNY' })
  currency?: string;

  @ApiProperty({ enum: FREQUENCIES })
  @IsIn(FREQUENCIES, { message: `must be one of ${FREQUENCIES.join(', ')}` })
  frequency: Frequency;

  @ApiProperty({ example: '2026-12-01', description: 'The first occurrence; a 31st falls on the last day of shorter months' })
  @IsDateString({ strict: true }, DATE)
  startDate: string;

  @ApiPropertyOptional({ example: '2027-12-31', description: 'No occurrence after this date' })
  @IsOptional()
  @IsDateString({ strict: true }, DATE)
  endDate?: string;

  @ApiPropertyOptional({ example: 12, description: 'Stop after this many invoices' })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(10000)
  count?: number;

  @ApiPropertyOptional({ default: false, description: 'Issue each invoice at once (same currency as the books only); otherwise leave a draft' })
  @IsOptional()
  @IsBoolean()
  autoIssue?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notes?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  terms?: string;

  @ApiProperty({ type: [InvoiceLineInputDto] })
  @IsArray()
  @ArrayMinSize(1, { message: 'needs at least one line' })
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => InvoiceLineInputDto)
  lines: InvoiceLineInputDto[];
}

export class RecurringRunDto {
  @ApiProperty({ example: '2026-12-01' })
  occurrenceDate: string;

  @ApiProperty({ format: 'uuid' })
  invoiceId: string;

  @ApiProperty()
  createdAt: string;
}

export class RecurringInvoiceDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  contact: { id: string; name: string };

  @ApiProperty({ example: 'USD' })
  currency: string;

  @ApiProperty({ enum: FREQUENCIES })
  frequency: Frequency;

  @ApiProperty()
  startDate: string;

  @ApiProperty({ type: String, nullable: true, description: 'null once the template has ended' })
  nextDate: string | null;

  @ApiProperty({ type: String, nullable: true })
  endDate: string | null;

  @ApiProperty({ type: Number, nullable: true })
  count: number | null;

  @ApiProperty({ description: 'Invoices generated so far' })
  generatedCount: number;

  @ApiProperty()
  active: boolean;

  @ApiProperty()
  autoIssue: boolean;

  @ApiProperty()
  notes: string;

  @ApiProperty()
  terms: string;

  @ApiProperty({ type: [InvoiceLineInputDto] })
  lines: InvoiceLineInputDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Why the last generation failed (the template was paused)' })
  lastError: string | null;

  @ApiProperty({ type: [RecurringRunDto], description: 'Most recent generated invoices' })
  runs: RecurringRunDto[];

  @ApiProperty()
  createdAt: string;
}

export class RecurringInvoicePageDto {
  @ApiProperty({ type: [RecurringInvoiceDto] })
  items: RecurringInvoiceDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

export class RecurringInvoiceListQueryDto extends PageQueryDto {}
