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
import { AccountRefDto, AMOUNT, DATE, NamedRefDto, PurchaseLineBaseDto, RATE, RATE_MESSAGE, trim } from '../../purchasing.dto';

export const BILL_STATUSES = ['draft', 'open', 'partially_paid', 'paid', 'void'] as const;

export class BillLineInputDto extends PurchaseLineBaseDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Bills this purchase order line (same supplier and currency); fills product, description, price and tax from it',
  })
  @IsOptional()
  @IsUUID('all', { message: 'must be a purchase order line id' })
  purchaseOrderLineId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A product that is not stocked (stocked products are billed through their purchase order)' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a product id' })
  productId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The expense (or asset) account booked; defaults to the order line\'s account, else other expenses. Not for stocked order lines.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'must be an account id' })
  accountId?: string;

  @ApiPropertyOptional({ example: '8.60', description: 'Price of one unit before tax in the bill currency; defaults to the order cost' })
  @IsOptional()
  @Matches(UNSIGNED_DECIMAL, AMOUNT)
  unitPrice?: string;
}

export class BillDraftDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a supplier id' })
  contactId: string;

  @ApiPropertyOptional({ example: 'INV-7781', description: "The supplier's own number for the bill" })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  supplierReference?: string;

  @ApiPropertyOptional({ example: 'USD', description: "Defaults to the supplier's currency" })
  @IsOptional()
  @IsIn(CURRENCIES, { message: 'must be an ISO 4217 currency code such as USD or CNY' })
  currency?: string;

  @ApiPropertyOptional({ example: '2026-11-28', description: 'Defaults to today' })
  @IsOptional()
  @IsDateString({ strict: true }, DATE)
  billDate?: string;

  @ApiPropertyOptional({ example: '2026-12-28', description: "Defaults to the bill date plus the supplier's payment terms" })
  @IsOptional()
  @IsDateString({ strict: true }, DATE)
  dueDate?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notes?: string;

  @ApiProperty({ type: [BillLineInputDto] })
  @IsArray()
  @ArrayMinSize(1, { message: 'needs at least one line' })
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => BillLineInputDto)
  lines: BillLineInputDto[];
}

export class BillFromOrderDto {
  @ApiProperty({ format: 'uuid', description: 'Bill what this order received (or, for lines not stocked, ordered) and is not billed yet' })
  @IsUUID('all', { message: 'must be a purchase order id' })
  purchaseOrderId: string;
}

export class PostBillDto {
  @ApiPropertyOptional({ example: '7.1234', description: 'Base-currency units per one unit of the bill currency; required when they differ' })
  @IsOptional()
  @Matches(RATE, RATE_MESSAGE)
  exchangeRate?: string;
}

export class BillListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: [...BILL_STATUSES, 'overdue', 'unpaid'], description: 'unpaid: open or partially paid' })
  @IsOptional()
  @IsIn([...BILL_STATUSES, 'overdue', 'unpaid'])
  status?: (typeof BILL_STATUSES)[number] | 'overdue' | 'unpaid';

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  contactId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Bills of this purchase order' })
  @IsOptional()
  @IsUUID()
  purchaseOrderId?: string;

  @ApiPropertyOptional({ description: "Matches our number, the supplier's reference or the supplier name" })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class BillOrderRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ nullable: true, type: String, example: 'PO-00012' }) number: string | null;
}

export class BillLineDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() lineNo: number;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) purchaseOrderLineId: string | null;
  @ApiProperty({ type: BillOrderRefDto, nullable: true }) purchaseOrder: BillOrderRefDto | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) productId: string | null;
  @ApiProperty({ nullable: true, type: String }) sku: string | null;
  @ApiProperty({ type: AccountRefDto, nullable: true, description: 'null: a received stocked order line (booked against GRNI)' })
  account: AccountRefDto | null;
  @ApiProperty() description: string;
  @ApiProperty({ example: '5' }) quantity: string;
  @ApiProperty({ type: MoneyDto }) unitPrice: MoneyDto;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) taxRateId: string | null;
  @ApiProperty({ example: '13' }) taxRatePercent: string;
  @ApiProperty({ type: MoneyDto }) net: MoneyDto;
  @ApiProperty({ type: MoneyDto }) tax: MoneyDto;
  @ApiProperty({ type: MoneyDto }) total: MoneyDto;
  @ApiProperty({ type: MoneyDto, nullable: true, description: 'Base value this line cleared from goods received not invoiced' })
  grniCleared: MoneyDto | null;
}

export class BillTaxDto {
  @ApiProperty({ example: '13' }) ratePercent: string;
  @ApiProperty({ type: MoneyDto }) net: MoneyDto;
  @ApiProperty({ type: MoneyDto }) tax: MoneyDto;
}

export class BillPaymentRefDto {
  @ApiProperty({ format: 'uuid' }) paymentId: string;
  @ApiProperty({ example: '2026-12-01' }) date: string;
  @ApiProperty() method: string;
  @ApiProperty() reference: string;
  @ApiProperty({ type: MoneyDto }) amount: MoneyDto;
  @ApiProperty({ description: 'The payment was voided; it no longer counts' }) voided: boolean;
}

export class BillDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ nullable: true, type: String, example: 'BILL-00003' }) number: string | null;
  @ApiProperty({ enum: BILL_STATUSES }) status: string;
  @ApiProperty({ description: 'Open or partially paid, and past its due date' }) overdue: boolean;
  @ApiProperty({ type: NamedRefDto }) contact: NamedRefDto;
  @ApiProperty() supplierReference: string;
  @ApiProperty({ example: 'USD' }) currency: string;
  @ApiProperty({ nullable: true, type: String, example: '7.1234' }) exchangeRate: string | null;
  @ApiProperty({ example: '2026-11-28' }) billDate: string;
  @ApiProperty({ example: '2026-12-28' }) dueDate: string;
  @ApiProperty() notes: string;
  @ApiProperty({ type: [BillLineDto] }) lines: BillLineDto[];
  @ApiProperty({ type: [BillTaxDto] }) taxes: BillTaxDto[];
  @ApiProperty({ type: MoneyDto }) subtotal: MoneyDto;
  @ApiProperty({ type: MoneyDto }) tax: MoneyDto;
  @ApiProperty({ type: MoneyDto }) total: MoneyDto;
  @ApiProperty({ type: MoneyDto }) paid: MoneyDto;
  @ApiProperty({ type: MoneyDto, description: 'What is still owed' }) balance: MoneyDto;
  @ApiProperty({ type: [BillPaymentRefDto] }) payments: BillPaymentRefDto[];
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) journalEntryId: string | null;
  @ApiProperty({ nullable: true, type: String }) voidReason: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) postedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class BillSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ nullable: true, type: String }) number: string | null;
  @ApiProperty({ enum: BILL_STATUSES }) status: string;
  @ApiProperty() overdue: boolean;
  @ApiProperty({ type: NamedRefDto }) contact: NamedRefDto;
  @ApiProperty() supplierReference: string;
  @ApiProperty() billDate: string;
  @ApiProperty() dueDate: string;
  @ApiProperty({ type: MoneyDto }) total: MoneyDto;
  @ApiProperty({ type: MoneyDto }) balance: MoneyDto;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class BillPageDto {
  @ApiProperty({ type: [BillSummaryDto] }) items: BillSummaryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
