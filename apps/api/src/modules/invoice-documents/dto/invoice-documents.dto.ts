import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsOptional, IsString, MaxLength } from 'class-validator';
import { MoneyDto } from '../../../common/money.dto';

export class SendInvoiceDto {
  @ApiPropertyOptional({ example: 'accounts@example.com', description: "Defaults to the customer's email address" })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'must be a valid email address' })
  @MaxLength(254, { message: 'must be at most 254 characters' })
  to?: string;

  @ApiPropertyOptional({ example: 'Thank you for your order.', description: 'Shown above the link in the email' })
  @IsOptional()
  @IsString({ message: 'must be text' })
  @MaxLength(5000, { message: 'must be at most 5000 characters' })
  message?: string;
}

export class InvoiceSendDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'accounts@example.com' }) to: string;
  @ApiProperty({ enum: ['queued'], description: 'The email is sent by a background job, with the PDF attached' })
  status: 'queued';
  @ApiProperty() requestedAt: Date;
}

export class PublicLinkDto {
  @ApiProperty({
    example: 'https://app.keeper.example/i/7n0Qk…',
    description: 'Anyone with this link can view and download the invoice, without signing in',
  })
  url: string;
}

/** The seller, as printed on the invoice. */
class PublicBusinessDto {
  @ApiProperty({ example: 'Lotus Tea House' }) name: string;
  @ApiProperty({ type: [String], example: ['18 Longjing Road', 'Hangzhou, Zhejiang 310013'], description: 'Address lines, without the country' })
  address: string[];
  @ApiProperty({ type: String, nullable: true, example: 'CN', description: 'ISO 3166-1 alpha-2' }) country: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'VAT / tax registration number' }) taxId: string | null;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
}

class PublicCustomerDto {
  @ApiProperty({ example: '上海茶叶贸易有限公司' }) name: string;
}

class PublicInvoiceLineDto {
  @ApiProperty() description: string;
  @ApiProperty({ example: '2.5' }) quantity: string;
  @ApiProperty({ type: MoneyDto }) unitPrice: MoneyDto;
  @ApiProperty({ example: '10' }) discountPercent: string;
  @ApiProperty({ example: '13' }) taxRatePercent: string;
  @ApiProperty({ type: MoneyDto }) total: MoneyDto;
}

class PublicTaxDto {
  @ApiProperty({ example: '13' }) ratePercent: string;
  @ApiProperty({ type: MoneyDto }) net: MoneyDto;
  @ApiProperty({ type: MoneyDto }) tax: MoneyDto;
}

/** What the holder of a public link sees: the printed invoice, no internal ids or notes. */
export class PublicInvoiceDto {
  @ApiProperty({ type: PublicBusinessDto }) business: PublicBusinessDto;
  @ApiProperty({ type: PublicCustomerDto }) customer: PublicCustomerDto;
  @ApiProperty({ example: 'INV-00042' }) number: string;
  @ApiProperty({ example: '2026-01-15' }) issueDate: string;
  @ApiProperty({ example: '2026-02-14' }) dueDate: string;
  @ApiProperty({ enum: ['issued', 'partially_paid', 'paid', 'void'] }) status: 'issued' | 'partially_paid' | 'paid' | 'void';
  @ApiProperty({ example: 'USD' }) currency: string;
  @ApiProperty() pricesIncludeTax: boolean;
  @ApiProperty({ type: [PublicInvoiceLineDto] }) lines: PublicInvoiceLineDto[];
  @ApiProperty({ type: [PublicTaxDto] }) taxes: PublicTaxDto[];
  @ApiProperty({ type: MoneyDto }) subtotal: MoneyDto;
  @ApiProperty({ type: MoneyDto }) discount: MoneyDto;
  @ApiProperty({ type: MoneyDto }) tax: MoneyDto;
  @ApiProperty({ type: MoneyDto }) total: MoneyDto;
  @ApiProperty({ type: MoneyDto }) paid: MoneyDto;
  @ApiProperty({ type: MoneyDto }) credited: MoneyDto;
  @ApiProperty({ type: MoneyDto }) balance: MoneyDto;
}
