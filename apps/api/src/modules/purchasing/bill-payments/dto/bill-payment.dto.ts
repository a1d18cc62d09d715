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
  ValidateNested,
} from 'class-validator';
import { MoneyDto, UNSIGNED_DECIMAL } from '../../../../common/money.dto';
import { PageQueryDto } from '../../../../common/pagination';
import { PAYMENT_METHODS, type PaymentMethod } from '../../../payments/dto/payment.dto';
import { AMOUNT, DATE, NamedRefDto, RATE, RATE_MESSAGE, trim } from '../../purchasing.dto';

export const PAID_FROM = ['bank', 'cash'] as const;

export class BillPaymentAllocationInputDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'A posted bill of the supplier (give this or expenseId)' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a bill id' })
  billId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'An expense owed to the supplier (give this or billId)' })
  @IsOptional()
  @IsUUID('all', { message: 'must be an expense id' })
  expenseId?: string;

  @ApiProperty({ example: '125.00', description: 'Decimal string in the payment currency; at most what is still owed on it' })
  @Matches(UNSIGNED_DECIMAL, AMOUNT)
  amount: string;
}

export class CreateBillPaymentDto {
  @ApiProperty({ format: 'uuid', description: 'The supplier paid' })
  @IsUUID('all', { message: 'must be a supplier id' })
  contactId: string;

  @ApiProperty({ enum: PAYMENT_METHODS })
  @IsIn(PAYMENT_METHODS, { message: `must be one of ${PAYMENT_METHODS.join(', ')}` })
  method: PaymentMethod;

  @ApiPropertyOptional({ example: '2026-11-30', description: 'Defaults to today' })
  @IsOptional()
  @IsDateString({ strict: true }, DATE)
  date?: string;

  @ApiPropertyOptional({ example: 'Transfer 99120' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200, { message: 'must be at most 200 characters' })
  reference?: string;

  @ApiPropertyOptional({ example: 'USD', description: "Defaults to the supplier's currency; every bill paid must be in it" })
  @IsOptional()
  @IsIn(CURRENCIES, { message: 'must be an ISO 4217 currency code such as USD or CNY' })
  currency?: string;

  @ApiPropertyOptional({ example: '7.1234', description: 'Base-currency units per one unit of the payment currency; required when they differ' })
  @IsOptional()
  @Matches(RATE, RATE_MESSAGE)
  exchangeRate?: string;

  @ApiPropertyOptional({ enum: PAID_FROM, default: 'bank', description: 'Where the money came from' })
  @IsOptional()
  @IsIn(PAID_FROM, { message: 'must be bank or cash' })
  paidFrom?: (typeof PAID_FROM)[number];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notes?: string;

  @ApiProperty({ type: [BillPaymentAllocationInputDto], description: 'What the payment settles; the payment is their sum' })
  @IsArray()
  @ArrayMinSize(1, { message: 'needs at least one bill or expense' })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => BillPaymentAllocationInputDto)
  allocations: BillPaymentAllocationInputDto[];
}

export class BillPaymentListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  contactId?: string;

  @ApiPropertyOptional({ enum: PAYMENT_METHODS })
  @IsOptional()
  @IsIn(PAYMENT_METHODS)
  method?: PaymentMethod;

  @ApiPropertyOptional({ enum: ['posted', 'void'] })
  @IsOptional()
  @IsIn(['posted', 'void'])
  status?: 'posted' | 'void';

  @ApiPropertyOptional({ example: '2026-11-01' })
  @IsOptional()
  @IsDateString({ strict: true }, DATE)
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-30' })
  @IsOptional()
  @IsDateString({ strict: true }, DATE)
  to?: string;

  @ApiPropertyOptional({ description: 'Matches the reference or the supplier name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class PayablesQueryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a supplier id' })
  contactId: string;

  @ApiPropertyOptional({ example: 'USD' })
  @IsOptional()
  @IsIn(CURRENCIES, { message: 'must be an ISO 4217 currency code such as USD or CNY' })
  currency?: string;
}

export class PayableDto {
  @ApiProperty({ enum: ['bill', 'expense'] }) kind: string;
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'BILL-00003', description: "The bill's number, or the expense's payee" }) label: string;
  @ApiProperty() supplierReference: string;
  @ApiProperty({ example: '2026-11-28' }) date: string;
  @ApiProperty({ example: '2026-12-28' }) dueDate: string;
  @ApiProperty({ type: MoneyDto }) total: MoneyDto;
  @ApiProperty({ type: MoneyDto }) balance: MoneyDto;
}

export class PayableListDto {
  @ApiProperty({ type: [PayableDto] }) items: PayableDto[];
}

export class BillPaymentAllocationDto {
  @ApiProperty({ enum: ['bill', 'expense'] }) kind: string;
  @ApiProperty({ format: 'uuid' }) documentId: string;
  @ApiProperty({ example: 'BILL-00003' }) label: string;
  @ApiProperty({ type: MoneyDto }) amount: MoneyDto;
}

export class BillPaymentSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: NamedRefDto }) contact: NamedRefDto;
  @ApiProperty({ enum: PAYMENT_METHODS }) method: string;
  @ApiProperty({ example: '2026-11-30' }) date: string;
  @ApiProperty() reference: string;
  @ApiProperty({ example: 'USD' }) currency: string;
  @ApiProperty({ example: '1' }) exchangeRate: string;
  @ApiProperty({ enum: PAID_FROM }) paidFrom: string;
  @ApiProperty({ type: MoneyDto }) amount: MoneyDto;
  @ApiProperty({ enum: ['posted', 'void'] }) status: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class BillPaymentDto extends BillPaymentSummaryDto {
  @ApiProperty() notes: string;
  @ApiProperty({ type: [BillPaymentAllocationDto] }) allocations: BillPaymentAllocationDto[];
  @ApiProperty({ format: 'uuid' }) journalEntryId: string;
  @ApiProperty({ nullable: true, type: String }) voidReason: string | null;
}

export class BillPaymentPageDto {
  @ApiProperty({ type: [BillPaymentSummaryDto] }) items: BillPaymentSummaryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
