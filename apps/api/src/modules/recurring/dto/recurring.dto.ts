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
import { MoneyDto } from '../../../common/money.dto';
import { InvoiceContactDto, InvoiceLineInputDto, InvoiceSummaryDto } from '../../invoices/dto/invoice.dto';
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

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 14,
    description: "Days from each invoice's date to its due date; omitted or null = the customer's payment terms",
  })
  @IsOptional()
  @IsInt({ message: 'must be a whole number of days' })
  @Min(0, { message: 'must be 0 (due on receipt) or more' })
  @Max(365, { message: 'must be at most 365 days' })
  dueDays?: number | null;

  @ApiPropertyOptional({
    default: false,
    description:
      'Issue each invoice at once. Only for invoices in the currency of the books: an invoice in another currency ' +
      'needs the exchange rate of its own day, so it is left as a draft and the owner is emailed to issue it',
  })
  @IsOptional()
  @IsBoolean()
  autoIssue?: boolean;

  @ApiPropertyOptional({ default: false, description: 'Email each issued invoice to the customer (needs autoIssue and a customer email)' })
  @IsOptional()
  @IsBoolean()
  autoSend?: boolean;

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

export const TEMPLATE_STATUSES = ['active', 'paused', 'ended'] as const;
export type TemplateStatus = (typeof TEMPLATE_STATUSES)[number];

export class RecurringInvoiceDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: InvoiceContactDto })
  contact: InvoiceContactDto;

  @ApiProperty({ example: 'USD' })
  currency: string;

  @ApiProperty({ enum: FREQUENCIES })
  frequency: Frequency;

  @ApiProperty({ enum: TEMPLATE_STATUSES, description: 'ended = the end date or the count is reached' })
  status: TemplateStatus;

  @ApiProperty()
  startDate: string;

  @ApiProperty({ type: String, nullable: true, description: 'null once the template has ended' })
  nextDate: string | null;

  @ApiProperty({ type: String, nullable: true })
  endDate: string | null;

  @ApiProperty({ type: Number, nullable: true })
  count: number | null;

  @ApiProperty({ type: Number, nullable: true, description: "null = the customer's payment terms" })
  dueDays: number | null;

  @ApiProperty({ description: 'Invoices generated so far' })
  generatedCount: number;

  @ApiProperty({ description: 'Generated invoices still in draft, waiting to be issued' })
  draftCount: number;

  @ApiProperty()
  active: boolean;

  @ApiProperty()
  autoIssue: boolean;

  @ApiProperty()
  autoSend: boolean;

  @ApiProperty({
    type: MoneyDto,
    nullable: true,
    description: "One invoice's total at today's tax rates and tax settings; null for a template whose lines take the product's price when invoiced",
  })
  amount: MoneyDto | null;

  @ApiProperty()
  notes: string;

  @ApiProperty()
  terms: string;

  @ApiProperty({ type: [InvoiceLineInputDto], description: 'Prices are fixed when the template is saved' })
  lines: InvoiceLineInputDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Why the last generation failed (the template was paused)' })
  lastError: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;
}

export class RecurringInvoicePageDto {
  @ApiProperty({ type: [RecurringInvoiceDto] })
  items: RecurringInvoiceDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

export class RecurringInvoiceListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: TEMPLATE_STATUSES })
  @IsOptional()
  @IsIn(TEMPLATE_STATUSES, { message: `must be one of ${TEMPLATE_STATUSES.join(', ')}` })
  status?: TemplateStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a customer id' })
  contactId?: string;
}

export class RecurringRunDto {
  @ApiProperty({ example: '2026-12-01', description: 'The occurrence this invoice was generated for' })
  occurrenceDate: string;

  @ApiProperty({ type: InvoiceSummaryDto })
  invoice: InvoiceSummaryDto;
}

export class RecurringRunPageDto {
  @ApiProperty({ type: [RecurringRunDto] })
  items: RecurringRunDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}
