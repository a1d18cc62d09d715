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

export const PAYMENT_METHODS = ['cash', 'bank_transfer', 'card', 'cheque', 'other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const DEPOSIT_ACCOUNTS = ['bank', 'cash'] as const;
export type DepositAccount = (typeof DEPOSIT_ACCOUNTS)[number];

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const DATE = { message: 'must be a date like 2026-11-23' };
const AMOUNT = { message: 'must be an amount like 125.00' };
const RATE = /^\d{1,12}(\.\d{1,12})?$/;

export class AllocationInputDto {
  @ApiProperty({ format: 'uuid', description: 'An issued invoice of the same customer, in the payment currency' })
  @IsUUID('all', { message: 'must be an invoice id' })
  invoiceId: string;

  @ApiProperty({ example: '125.00', description: 'Decimal string in the payment currency; at most the invoice\'s open balance' })
  @Matches(UNSIGNED_DECIMAL, AMOUNT)
  amount: string;
}

export class CreatePaymentDto {
  @ApiProperty({ format: 'uuid', description: 'The customer who paid' })
  @IsUUID('all', { message: 'must be a customer id' })
  contactId: string;

  @ApiProperty({ enum: PAYMENT_METHODS })
  @IsIn(PAYMENT_METHODS, { message: `must be one of ${PAYMENT_METHODS.join(', ')}` })
  method: PaymentMethod;

  @ApiPropertyOptional({ example: '2026-11-23', description: 'Defaults to today' })
  @IsOptional()
  @IsDateString({ strict: true }, DATE)
  date?: string;

  @ApiPropertyOptional({ example: 'Transfer 8841', description: 'Bank reference, cheque number...' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200, { message: 'must be at most 200 characters' })
  reference?: string;

  @ApiPropertyOptional({ example: 'USD', description: "Defaults to the customer's currency" })
  @IsOptional()
  @IsIn(CURRENCIES, { message: 'must be an ISO 4217 currency code such as USD or CNY' })
  currency?: string;

  @ApiProperty({ example: '125.00', description: 'Amount received, as a decimal string in the payment currency' })
  @Matches(UNSIGNED_DECIMAL, AMOUNT)
  amount: string;

  @ApiPropertyOptional({
    example: '7.1234',
    description: 'Base-currency units per one unit of the payment currency; required when they differ',
  })
  @IsOptional()
  @Matches(RATE, { message: 'must be a positive rate like 7.1234' })
  exchangeRate?: string;

  @ApiPropertyOptional({ enum: DEPOSIT_ACCOUNTS, default: 'bank', description: 'Where the money went' })
  @IsOptional()
  @IsIn(DEPOSIT_ACCOUNTS, { message: 'must be bank or cash' })
  depositAccount?: DepositAccount;

  @ApiPropertyOptional({ example: 'Paid at the counter' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notes?: string;

  @ApiPropertyOptional({
    type: [AllocationInputDto],
    description: 'Invoices this payment settles; what is not allocated stays as customer credit',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => AllocationInputDto)
  allocations?: AllocationInputDto[];
}

export class ApplyCreditDto {
  @ApiProperty({ type: [AllocationInputDto], description: "Invoices to settle from the payment's unapplied credit" })
  @IsArray()
  @ArrayMinSize(1, { message: 'needs at least one invoice' })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => AllocationInputDto)
  allocations: AllocationInputDto[];

  @ApiPropertyOptional({ example: '2026-11-23', description: 'Defaults to today' })
  @IsOptional()
  @IsDateString({ strict: true }, DATE)
  date?: string;
}

export class RefundDto {
  @ApiProperty({ example: '20.00', description: 'Amount paid back to the customer, in the payment currency' })
  @Matches(UNSIGNED_DECIMAL, AMOUNT)
  amount: string;

  @ApiPropertyOptional({ example: '2026-11-23', description: 'Defaults to today' })
  @IsOptional()
  @IsDateString({ strict: true }, DATE)
  date?: string;

  @ApiPropertyOptional({ enum: PAYMENT_METHODS, description: "Defaults to the payment's method" })
  @IsOptional()
  @IsIn(PAYMENT_METHODS, { message: `must be one of ${PAYMENT_METHODS.join(', ')}` })
  method?: PaymentMethod;

  @ApiPropertyOptional({ enum: DEPOSIT_ACCOUNTS, description: 'Where the money comes from; defaults to where the payment went' })
  @IsOptional()
  @IsIn(DEPOSIT_ACCOUNTS, { message: 'must be bank or cash' })
  paidFrom?: DepositAccount;

  @ApiPropertyOptional({ example: 'Refund 2231' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200, { message: 'must be at most 200 characters' })
  reference?: string;

  @ApiProperty({ example: 'Overpaid by mistake' })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(500, { message: 'must be at most 500 characters' })
  reason: string;

  @ApiPropertyOptional({
    type: [AllocationInputDto],
    description:
      'Money of this payment to take back from invoices it was applied to before refunding (the invoices reopen); ' +
      'without it only unapplied credit can be refunded',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => AllocationInputDto)
  unapply?: AllocationInputDto[];
}

export class PaymentListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a customer id' })
  contactId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Payments applied to this invoice' })
  @IsOptional()
  @IsUUID('all', { message: 'must be an invoice id' })
  invoiceId?: string;

  @ApiPropertyOptional({ enum: PAYMENT_METHODS })
  @IsOptional()
  @IsIn(PAYMENT_METHODS, { message: `must be one of ${PAYMENT_METHODS.join(', ')}` })
  method?: PaymentMethod;

  @ApiPropertyOptional({ example: '2026-11-01', description: 'Paid on or after' })
  @IsOptional()
  @IsDateString({ strict: true }, DATE)
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-30', description: 'Paid on or before' })
  @IsOptional()
  @IsDateString({ strict: true }, DATE)
  to?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only payments with (or without) unapplied customer credit' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'must be true or false' })
  unapplied?: 'true' | 'false';
}

export class PaymentContactDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class PaymentAllocationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) invoiceId: string;
  @ApiProperty({ example: 'INV-00042' }) invoiceNumber: string;
  @ApiProperty({ type: MoneyDto, description: 'Negative when a refund took money back from the invoice' }) amount: MoneyDto;
  @ApiProperty({ example: '2026-11-23' }) date: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) refundId: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class PaymentRefundDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: MoneyDto }) amount: MoneyDto;
  @ApiProperty({ example: '2026-11-23' }) date: string;
  @ApiProperty({ enum: PAYMENT_METHODS }) method: string;
  @ApiProperty({ enum: DEPOSIT_ACCOUNTS }) paidFrom: string;
  @ApiProperty() reference: string;
  @ApiProperty() reason: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class PaymentSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: PaymentContactDto }) contact: PaymentContactDto;
  @ApiProperty({ enum: PAYMENT_METHODS }) method: string;
  @ApiProperty({ example: '2026-11-23' }) date: string;
  @ApiProperty() reference: string;
  @ApiProperty({ example: 'USD' }) currency: string;
  @ApiProperty({ example: '7.1234' }) exchangeRate: string;
  @ApiProperty({ enum: DEPOSIT_ACCOUNTS }) depositAccount: string;
  @ApiProperty({ type: MoneyDto }) amount: MoneyDto;
  @ApiProperty({ type: MoneyDto, description: 'Applied to invoices (net of what refunds took back)' }) applied: MoneyDto;
  @ApiProperty({ type: MoneyDto }) refunded: MoneyDto;
  @ApiProperty({ type: MoneyDto, description: 'Customer credit still available to apply or refund' }) unapplied: MoneyDto;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class PaymentListItemDto extends PaymentSummaryDto {
  @ApiProperty({
    type: MoneyDto,
    nullable: true,
    description: 'With the invoiceId filter: what this payment has applied to that invoice, net of what refunds took back; otherwise null',
  })
  appliedToInvoice: MoneyDto | null;
}

export class PaymentDto extends PaymentSummaryDto {
  @ApiProperty() notes: string;
  @ApiProperty({ type: [PaymentAllocationDto] }) allocations: PaymentAllocationDto[];
  @ApiProperty({ type: [PaymentRefundDto] }) refunds: PaymentRefundDto[];
}

export class PaymentPageDto {
  @ApiProperty({ type: [PaymentListItemDto] }) items: PaymentListItemDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
