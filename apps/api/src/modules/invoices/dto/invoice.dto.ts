import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CURRENCIES } from '@keeper/money';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDateString,
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

export const INVOICE_STATUSES = ['draft', 'issued', 'partially_paid', 'paid', 'void'] as const;
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const DATE = { message: 'must be a date like 2026-11-23' };

export class InvoiceLineInputDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Fills description, price and tax rate from the product when those are omitted' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a product id' })
  productId?: string;

  @ApiPropertyOptional({ example: 'Oolong tea, 500 g' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(2000)
  description?: string;

  @ApiProperty({ example: '2.5', description: 'Decimal string, up to 4 decimals' })
  @Matches(/^\d{1,12}(\.\d{1,4})?$/, { message: 'must be a positive number with at most 4 decimals, like 2.5' })
  quantity: string;

  @ApiPropertyOptional({ example: '19.99', description: 'Price of one unit in the invoice currency, as a decimal string' })
  @IsOptional()
  @Matches(UNSIGNED_DECIMAL, { message: 'must be an amount like 19.99' })
  unitPrice?: string;

  @ApiPropertyOptional({ example: '10', description: 'Percent, 0-100' })
  @IsOptional()
  @Matches(/^\d{1,3}(\.\d{1,4})?$/, { message: 'must be a percent between 0 and 100, like 12.5' })
  discountPercent?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'null for no tax; omitted = the product\'s rate' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a tax rate id' })
  taxRateId?: string | null;
}

/** What every sales document's draft carries (invoices, quotes, orders): customer, currency, notes, terms, lines. */
export class SalesDocumentDraftDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a customer id' })
  contactId: string;

  @ApiPropertyOptional({ example: 'USD', description: "Defaults to the customer's currency" })
  @IsOptional()
  @IsIn(CURRENCIES, { message: 'must be an ISO 4217 currency code such as USD or CNY' })
  currency?: string;

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

export class InvoiceDraftDto extends SalesDocumentDraftDto {
  @ApiPropertyOptional({ example: '2026-11-23', description: 'Defaults to today' })
  @IsOptional()
  @IsDateString({ strict: true }, DATE)
  issueDate?: string;

  @ApiPropertyOptional({ example: '2026-12-23', description: "Defaults to the issue date plus the customer's payment terms" })
  @IsOptional()
  @IsDateString({ strict: true }, DATE)
  dueDate?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Numbering series; defaults to the business default' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a series id' })
  seriesId?: string;
}

export class IssueInvoiceDto {
  @ApiPropertyOptional({
    example: '7.1234',
    description: 'Base-currency units per one unit of the invoice currency; required when they differ',
  })
  @IsOptional()
  @Matches(/^\d{1,12}(\.\d{1,12})?$/, { message: 'must be a positive rate like 7.1234' })
  exchangeRate?: string;
}

export class VoidInvoiceDto {
  @ApiProperty({ example: 'Issued to the wrong customer' })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(500)
  reason: string;
}

export class InvoiceListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: [...INVOICE_STATUSES, 'overdue'] })
  @IsOptional()
  @IsIn([...INVOICE_STATUSES, 'overdue'])
  status?: (typeof INVOICE_STATUSES)[number] | 'overdue';

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  contactId?: string;

  @ApiPropertyOptional({ description: 'Matches the invoice number or the customer name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class InvoiceLineDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() lineNo: number;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) productId: string | null;
  @ApiProperty() description: string;
  @ApiProperty({ example: '2.5' }) quantity: string;
  @ApiProperty({ type: MoneyDto }) unitPrice: MoneyDto;
  @ApiProperty({ example: '10' }) discountPercent: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) taxRateId: string | null;
  @ApiProperty({ example: '13' }) taxRatePercent: string;
  @ApiProperty({ type: MoneyDto }) discount: MoneyDto;
  @ApiProperty({ type: MoneyDto }) net: MoneyDto;
  @ApiProperty({ type: MoneyDto }) tax: MoneyDto;
  @ApiProperty({ type: MoneyDto }) total: MoneyDto;
}

export class InvoiceContactDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class InvoiceTaxDto {
  @ApiProperty({ example: '13' }) ratePercent: string;
  @ApiProperty({ type: MoneyDto }) net: MoneyDto;
  @ApiProperty({ type: MoneyDto }) tax: MoneyDto;
}

export class InvoiceDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ nullable: true, type: String, example: 'INV-00042' }) number: string | null;
  @ApiProperty({ enum: INVOICE_STATUSES }) status: string;
  @ApiProperty({ description: 'Issued or partially paid, and past its due date' }) overdue: boolean;
  @ApiProperty({ type: InvoiceContactDto }) contact: InvoiceContactDto;
  @ApiProperty({ example: 'USD' }) currency: string;
  @ApiProperty({ nullable: true, type: String, example: '7.1234' }) exchangeRate: string | null;
  @ApiProperty({ example: '2026-11-23' }) issueDate: string;
  @ApiProperty({ example: '2026-12-23' }) dueDate: string;
  @ApiProperty() pricesIncludeTax: boolean;
  @ApiProperty({ enum: ['line', 'document'] }) taxRounding: string;
  @ApiProperty() notes: string;
  @ApiProperty() terms: string;
  @ApiProperty({ type: [InvoiceLineDto] }) lines: InvoiceLineDto[];
  @ApiProperty({ type: [InvoiceTaxDto] }) taxes: InvoiceTaxDto[];
  @ApiProperty({ type: MoneyDto }) subtotal: MoneyDto;
  @ApiProperty({ type: MoneyDto }) discount: MoneyDto;
  @ApiProperty({ type: MoneyDto }) tax: MoneyDto;
  @ApiProperty({ type: MoneyDto }) total: MoneyDto;
  @ApiProperty({ type: MoneyDto }) paid: MoneyDto;
  @ApiProperty({ type: MoneyDto }) credited: MoneyDto;
  @ApiProperty({ type: MoneyDto, description: 'What is still owed' }) balance: MoneyDto;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) issuedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class InvoiceSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ nullable: true, type: String }) number: string | null;
  @ApiProperty({ enum: INVOICE_STATUSES }) status: string;
  @ApiProperty() overdue: boolean;
  @ApiProperty({ type: InvoiceContactDto }) contact: InvoiceContactDto;
  @ApiProperty() issueDate: string;
  @ApiProperty() dueDate: string;
  @ApiProperty({ type: MoneyDto }) total: MoneyDto;
  @ApiProperty({ type: MoneyDto }) balance: MoneyDto;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class InvoicePageDto {
  @ApiProperty({ type: [InvoiceSummaryDto] }) items: InvoiceSummaryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
