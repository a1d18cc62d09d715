import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CURRENCIES } from '@keeper/money';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDateString,
  IsEmail,
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
import { AccountRefDto, AMOUNT, DATE, NamedRefDto, PurchaseLineBaseDto, QUANTITY, QUANTITY_MESSAGE, RATE, RATE_MESSAGE, trim } from '../../purchasing.dto';
import { PURCHASE_ORDER_STATUSES } from '../purchase-orders.repository';

export class PurchaseOrderLineInputDto extends PurchaseLineBaseDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Fills description, cost and tax rate from the product when those are omitted' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a product id' })
  productId?: string;

  @ApiPropertyOptional({ example: '8.40', description: "Cost of one unit before tax in the order currency; defaults to the product's purchase cost" })
  @IsOptional()
  @Matches(UNSIGNED_DECIMAL, AMOUNT)
  unitCost?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'For lines that are not stocked products: the expense (or asset) account billed; defaults to other expenses',
  })
  @IsOptional()
  @IsUUID('all', { message: 'must be an account id' })
  accountId?: string;
}

export class PurchaseOrderDraftDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a supplier id' })
  contactId: string;

  @ApiPropertyOptional({ example: 'USD', description: "Defaults to the supplier's currency" })
  @IsOptional()
  @IsIn(CURRENCIES, { message: 'must be an ISO 4217 currency code such as USD or CNY' })
  currency?: string;

  @ApiPropertyOptional({ example: '2026-11-23', description: 'Defaults to today' })
  @IsOptional()
  @IsDateString({ strict: true }, DATE)
  orderDate?: string;

  @ApiPropertyOptional({ type: String, example: '2026-12-01', nullable: true, description: 'When the goods are expected' })
  @IsOptional()
  @IsDateString({ strict: true }, DATE)
  expectedDate?: string | null;

  @ApiPropertyOptional({ format: 'uuid', description: 'Where the goods are received; defaults to the default location' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a location id' })
  locationId?: string;

  @ApiPropertyOptional({ example: 'Deliver to the back door' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notes?: string;

  @ApiProperty({ type: [PurchaseOrderLineInputDto] })
  @IsArray()
  @ArrayMinSize(1, { message: 'needs at least one line' })
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => PurchaseOrderLineInputDto)
  lines: PurchaseOrderLineInputDto[];
}

export class OrderPurchaseOrderDto {
  @ApiPropertyOptional({ example: '7.1234', description: 'Base-currency units per one unit of the order currency; required when they differ' })
  @IsOptional()
  @Matches(RATE, RATE_MESSAGE)
  exchangeRate?: string;
}

export class SendPurchaseOrderDto extends OrderPurchaseOrderDto {
  @ApiPropertyOptional({ example: 'orders@supplier.example', description: "Defaults to the supplier's email" })
  @IsOptional()
  @Transform(trim)
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  to?: string;

  @ApiPropertyOptional({ example: 'Please confirm the delivery date.' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  message?: string;
}

export class ReceiptLineInputDto {
  @ApiProperty({ format: 'uuid', description: 'A stocked line of this order' })
  @IsUUID('all', { message: 'must be a line of this order' })
  purchaseOrderLineId: string;

  @ApiProperty({ example: '5', description: 'How many arrived; at most what is still to receive' })
  @Matches(QUANTITY, QUANTITY_MESSAGE)
  quantity: string;
}

export class ReceivePurchaseOrderDto {
  @ApiPropertyOptional({ example: '2026-11-25', description: 'Defaults to today' })
  @IsOptional()
  @IsDateString({ strict: true }, DATE)
  date?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "Defaults to the order's location" })
  @IsOptional()
  @IsUUID('all', { message: 'must be a location id' })
  locationId?: string;

  @ApiPropertyOptional({ example: 'Delivery note 5521' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  reference?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string;

  @ApiProperty({ type: [ReceiptLineInputDto] })
  @IsArray()
  @ArrayMinSize(1, { message: 'needs at least one line' })
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ReceiptLineInputDto)
  lines: ReceiptLineInputDto[];
}

export class PurchaseOrderListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: [...PURCHASE_ORDER_STATUSES, 'open'], description: 'open: ordered or partially received' })
  @IsOptional()
  @IsIn([...PURCHASE_ORDER_STATUSES, 'open'])
  status?: (typeof PURCHASE_ORDER_STATUSES)[number] | 'open';

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  contactId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Orders with a line of this product' })
  @IsOptional()
  @IsUUID()
  productId?: string;

  @ApiPropertyOptional({ description: 'Matches the order number or the supplier name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class PurchaseOrderLineDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() lineNo: number;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) productId: string | null;
  @ApiProperty({ nullable: true, type: String }) sku: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'pcs' }) unit: string | null;
  @ApiProperty() description: string;
  @ApiProperty({ example: '12' }) quantity: string;
  @ApiProperty({ type: MoneyDto }) unitCost: MoneyDto;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) taxRateId: string | null;
  @ApiProperty({ example: '13' }) taxRatePercent: string;
  @ApiProperty({ type: MoneyDto }) net: MoneyDto;
  @ApiProperty({ type: MoneyDto }) tax: MoneyDto;
  @ApiProperty({ type: MoneyDto }) total: MoneyDto;
  @ApiProperty({ description: 'Received into stock (a stocked product); otherwise billed straight to its account' }) stocked: boolean;
  @ApiProperty({ type: AccountRefDto, nullable: true }) account: AccountRefDto | null;
  @ApiProperty({ example: '5' }) receivedQuantity: string;
  @ApiProperty({ example: '7', description: 'Still to receive (0 for lines that are not stocked)' }) toReceiveQuantity: string;
  @ApiProperty({ example: '3' }) billedQuantity: string;
  @ApiProperty({ example: '2', description: 'Received (or, for lines not stocked, ordered) and not billed yet' }) toBillQuantity: string;
  @ApiProperty({ type: MoneyDto, description: 'Base-currency value of what was received' }) receivedValue: MoneyDto;
}

export class ReceiptLineDto {
  @ApiProperty({ format: 'uuid' }) purchaseOrderLineId: string;
  @ApiProperty({ example: '5' }) quantity: string;
  @ApiProperty({ type: MoneyDto, description: 'Base-currency value brought into stock' }) value: MoneyDto;
}

export class PurchaseReceiptDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '2026-11-25' }) date: string;
  @ApiProperty({ type: NamedRefDto }) location: NamedRefDto;
  @ApiProperty() reference: string;
  @ApiProperty() notes: string;
  @ApiProperty({ format: 'uuid' }) stockOperationId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) journalEntryId: string | null;
  @ApiProperty({ type: [ReceiptLineDto] }) lines: ReceiptLineDto[];
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class OrderBillRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ nullable: true, type: String, example: 'BILL-00003' }) number: string | null;
  @ApiProperty({ example: 'open' }) status: string;
  @ApiProperty() supplierReference: string;
  @ApiProperty({ example: '2026-11-28' }) billDate: string;
  @ApiProperty({ type: MoneyDto }) total: MoneyDto;
}

export class PurchaseOrderSendDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() toEmail: string;
  @ApiProperty({ type: String, format: 'date-time' }) requestedAt: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt: Date | null;
}

export class PurchaseOrderDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ nullable: true, type: String, example: 'PO-00012' }) number: string | null;
  @ApiProperty({ enum: PURCHASE_ORDER_STATUSES }) status: string;
  @ApiProperty({ type: NamedRefDto }) contact: NamedRefDto;
  @ApiProperty({ nullable: true, type: String }) contactEmail: string | null;
  @ApiProperty({ example: 'USD' }) currency: string;
  @ApiProperty({ nullable: true, type: String, example: '7.1234', description: 'Fixed when ordered; receipts are valued at it' })
  exchangeRate: string | null;
  @ApiProperty({ example: '2026-11-23' }) orderDate: string;
  @ApiProperty({ nullable: true, type: String, example: '2026-12-01' }) expectedDate: string | null;
  @ApiProperty({ type: NamedRefDto }) location: NamedRefDto;
  @ApiProperty({ enum: ['line', 'document'] }) taxRounding: string;
  @ApiProperty() notes: string;
  @ApiProperty({ type: [PurchaseOrderLineDto] }) lines: PurchaseOrderLineDto[];
  @ApiProperty({ type: MoneyDto }) subtotal: MoneyDto;
  @ApiProperty({ type: MoneyDto }) tax: MoneyDto;
  @ApiProperty({ type: MoneyDto }) total: MoneyDto;
  @ApiProperty({ type: [PurchaseReceiptDto] }) receipts: PurchaseReceiptDto[];
  @ApiProperty({ type: [OrderBillRefDto] }) bills: OrderBillRefDto[];
  @ApiProperty({ type: [PurchaseOrderSendDto] }) sends: PurchaseOrderSendDto[];
  @ApiProperty({ description: 'Something received is not billed yet' }) billable: boolean;
  @ApiProperty({ nullable: true, type: String }) closeReason: string | null;
  @ApiProperty({ nullable: true, type: String }) cancelReason: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) orderedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class PurchaseOrderSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ nullable: true, type: String }) number: string | null;
  @ApiProperty({ enum: PURCHASE_ORDER_STATUSES }) status: string;
  @ApiProperty({ type: NamedRefDto }) contact: NamedRefDto;
  @ApiProperty() orderDate: string;
  @ApiProperty({ nullable: true, type: String }) expectedDate: string | null;
  @ApiProperty({ type: NamedRefDto }) location: NamedRefDto;
  @ApiProperty({ type: MoneyDto }) total: MoneyDto;
  @ApiProperty({ description: 'Every line is fully billed' }) billedFully: boolean;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class PurchaseOrderPageDto {
  @ApiProperty({ type: [PurchaseOrderSummaryDto] }) items: PurchaseOrderSummaryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
