import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDateString, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { MoneyDto } from '../../../../common/money.dto';
import { PageQueryDto } from '../../../../common/pagination';
import { InvoiceContactDto, InvoiceLineDto, InvoiceTaxDto, SalesDocumentDraftDto } from '../../../invoices/dto/invoice.dto';

/** Stored states plus 'expired': a sent quote whose validity date has passed. */
export const QUOTE_STATUSES = ['draft', 'sent', 'accepted', 'declined', 'expired'] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];
const DATE = { message: 'must be a date like 2026-11-23' };
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class QuoteDraftDto extends SalesDocumentDraftDto {
  @ApiPropertyOptional({ example: '2026-11-23', description: 'Defaults to today' })
  @IsOptional()
  @IsDateString({ strict: true }, DATE)
  issueDate?: string;

  @ApiPropertyOptional({ example: '2026-12-23', description: 'The last day the customer can accept; defaults to 30 days after the issue date' })
  @IsOptional()
  @IsDateString({ strict: true }, DATE)
  validUntil?: string;
}

export class DeclineQuoteDto {
  @ApiPropertyOptional({ example: 'Went with another supplier' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class QuoteListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: QUOTE_STATUSES })
  @IsOptional()
  @IsIn(QUOTE_STATUSES)
  status?: QuoteStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  contactId?: string;

  @ApiPropertyOptional({ description: 'Matches the quote number or the customer name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class QuoteOrderRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'SO-00007' }) number: string;
  @ApiProperty({ enum: ['draft', 'confirmed', 'cancelled'] }) status: string;
}

export class QuoteSendRecordDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'buyer@example.com' }) to: string;
  @ApiProperty({ type: String, format: 'date-time' }) requestedAt: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Null while the email is queued' }) sentAt: Date | null;
}

export class QuoteDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Q-00042' }) number: string;
  @ApiProperty({ enum: QUOTE_STATUSES }) status: QuoteStatus;
  @ApiProperty({ type: InvoiceContactDto }) contact: InvoiceContactDto;
  @ApiProperty({ example: 'USD' }) currency: string;
  @ApiProperty({ example: '2026-11-23' }) issueDate: string;
  @ApiProperty({ example: '2026-12-23' }) validUntil: string;
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
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) acceptedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) declinedAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) declineReason: string | null;
  @ApiProperty({ type: QuoteOrderRefDto, nullable: true, description: 'The sales order this quote was converted into' })
  salesOrder: QuoteOrderRefDto | null;
  @ApiProperty({ type: [QuoteSendRecordDto], description: 'Emails sent or queued, newest first' }) sends: QuoteSendRecordDto[];
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class QuoteSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Q-00042' }) number: string;
  @ApiProperty({ enum: QUOTE_STATUSES }) status: QuoteStatus;
  @ApiProperty({ type: InvoiceContactDto }) contact: InvoiceContactDto;
  @ApiProperty() issueDate: string;
  @ApiProperty() validUntil: string;
  @ApiProperty({ type: MoneyDto }) total: MoneyDto;
  @ApiProperty({ type: QuoteOrderRefDto, nullable: true }) salesOrder: QuoteOrderRefDto | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class QuotePageDto {
  @ApiProperty({ type: [QuoteSummaryDto] }) items: QuoteSummaryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class QuoteSendDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'buyer@example.com' }) to: string;
  @ApiProperty({ enum: ['queued'], description: 'The email is sent by a background job, with the PDF attached' })
  status: 'queued';
  @ApiProperty() requestedAt: Date;
  @ApiProperty({ example: 'https://app.keeper.example/q/7n0Qk…', description: 'The public link the email carries' })
  publicUrl: string;
}

class PublicQuoteLineDto {
  @ApiProperty() description: string;
  @ApiProperty({ example: '2' }) quantity: string;
  @ApiProperty({ type: MoneyDto }) unitPrice: MoneyDto;
  @ApiProperty({ example: '0' }) discountPercent: string;
  @ApiProperty({ example: '13' }) taxRatePercent: string;
  @ApiProperty({ type: MoneyDto, description: 'After discount, before tax' }) net: MoneyDto;
  @ApiProperty({ type: MoneyDto, description: 'After discount, with tax' }) total: MoneyDto;
}

export class PublicQuoteDto {
  @ApiProperty() businessName: string;
  @ApiProperty() customerName: string;
  @ApiProperty({ example: 'Q-00042' }) number: string;
  @ApiProperty({ enum: QUOTE_STATUSES }) status: QuoteStatus;
  @ApiProperty() issueDate: string;
  @ApiProperty() validUntil: string;
  @ApiProperty() currency: string;
  @ApiProperty() pricesIncludeTax: boolean;
  @ApiProperty({ type: [PublicQuoteLineDto] }) lines: PublicQuoteLineDto[];
  @ApiProperty({ type: [InvoiceTaxDto] }) taxes: InvoiceTaxDto[];
  @ApiProperty({ type: MoneyDto }) subtotal: MoneyDto;
  @ApiProperty({ type: MoneyDto }) discount: MoneyDto;
  @ApiProperty({ type: MoneyDto }) tax: MoneyDto;
  @ApiProperty({ type: MoneyDto }) total: MoneyDto;
  @ApiProperty() notes: string;
  @ApiProperty() terms: string;
}
