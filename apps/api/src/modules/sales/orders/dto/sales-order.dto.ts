import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
import { MoneyDto } from '../../../../common/money.dto';
import { PageQueryDto } from '../../../../common/pagination';
import { InvoiceContactDto, InvoiceLineDto, InvoiceTaxDto, SalesDocumentDraftDto } from '../../../invoices/dto/invoice.dto';

export const SALES_ORDER_STATUSES = ['draft', 'confirmed', 'cancelled'] as const;
/** List filters: the stored states plus what the lines say (derived). */
export const SALES_ORDER_FILTERS = ['draft', 'open', 'back_ordered', 'to_ship', 'to_invoice', 'completed', 'cancelled'] as const;
export type SalesOrderFilter = (typeof SALES_ORDER_FILTERS)[number];
export const FULFILMENT_STATES = ['nothing_to_ship', 'unshipped', 'partially_shipped', 'shipped'] as const;
export const INVOICING_STATES = ['not_invoiced', 'partially_invoiced', 'invoiced'] as const;

const DATE = { message: 'must be a date like 2026-11-23' };
const QUANTITY = /^\d{1,12}(\.\d{1,4})?$/;
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class SalesOrderDraftDto extends SalesDocumentDraftDto {
  @ApiPropertyOptional({ example: '2026-11-23', description: 'Defaults to today' })
  @IsOptional()
  @IsDateString({ strict: true }, DATE)
  orderDate?: string;

  @ApiPropertyOptional({ example: '2026-11-30', description: 'When the customer expects the goods' })
  @IsOptional()
  @IsDateString({ strict: true }, DATE)
  expectedDate?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Where stock is reserved and shipped from; defaults to the default location' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a location id' })
  locationId?: string;
}

export class CancelSalesOrderDto {
  @ApiProperty({ example: 'Customer changed their mind' })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(500)
  reason: string;
}

export class ShipmentLineInputDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a line of this order' })
  orderLineId: string;

  @ApiProperty({ example: '2', description: 'Decimal string, up to 4 decimals' })
  @Matches(QUANTITY, { message: 'must be a positive number with at most 4 decimals, like 2.5' })
  quantity: string;
}

export class CreateShipmentDto {
  @ApiPropertyOptional({ example: '2026-11-24', description: 'Defaults to today' })
  @IsOptional()
  @IsDateString({ strict: true }, DATE)
  shipDate?: string;

  @ApiPropertyOptional({ example: 'Two boxes, courier 8841' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string;

  @ApiProperty({ type: [ShipmentLineInputDto] })
  @IsArray()
  @ArrayMinSize(1, { message: 'needs at least one line' })
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ShipmentLineInputDto)
  lines: ShipmentLineInputDto[];
}

export class InvoiceSalesOrderDto {
  @ApiPropertyOptional({ example: '2026-11-24', description: 'Defaults to today' })
  @IsOptional()
  @IsDateString({ strict: true }, DATE)
  issueDate?: string;

  @ApiPropertyOptional({ example: '2026-12-24', description: "Defaults to the issue date plus the customer's payment terms" })
  @IsOptional()
  @IsDateString({ strict: true }, DATE)
  dueDate?: string;

  @ApiPropertyOptional({ example: '7.1234', description: 'Base-currency units per one unit of the order currency; required when they differ' })
  @IsOptional()
  @Matches(/^\d{1,12}(\.\d{1,12})?$/, { message: 'must be a positive rate like 7.1234' })
  exchangeRate?: string;
}

export class SalesOrderListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: SALES_ORDER_FILTERS,
    description: 'open = confirmed and not completed; back_ordered, to_ship, to_invoice and completed are read from the lines',
  })
  @IsOptional()
  @IsIn(SALES_ORDER_FILTERS)
  status?: SalesOrderFilter;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  contactId?: string;

  @ApiPropertyOptional({ description: 'Matches the order number or the customer name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class SalesOrderLineDto extends InvoiceLineDto {
  @ApiProperty({ description: 'Moves stock (reserved and shipped); other lines are invoiced as ordered' }) stocked: boolean;
  @ApiProperty({ example: '3', description: 'Held for this line at the order location' }) reserved: string;
  @ApiProperty({ example: '2' }) shipped: string;
  @ApiProperty({ example: '2' }) invoiced: string;
  @ApiProperty({ example: '1', description: 'Ordered, not shipped and not reserved: waiting for stock' }) backOrdered: string;
  @ApiProperty({ example: '3', description: 'Still to ship' }) toShip: string;
  @ApiProperty({ example: '0', description: 'Shipped (or, for lines that do not move stock, ordered) and not yet invoiced' }) toInvoice: string;
}

export class LocationRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'MAIN' }) code: string;
  @ApiProperty({ example: 'Main warehouse' }) name: string;
}

export class DocumentRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Q-00012' }) number: string;
}

export class ShipmentLineDto {
  @ApiProperty({ format: 'uuid' }) orderLineId: string;
  @ApiProperty({ format: 'uuid' }) productId: string;
  @ApiProperty({ example: 'TEA-GREEN' }) sku: string;
  @ApiProperty() description: string;
  @ApiProperty({ example: 'pcs' }) unit: string;
  @ApiProperty({ example: '2' }) quantity: string;
  @ApiProperty({ type: MoneyDto, description: 'What the goods cost (base currency): the cost of goods sold posted' }) cost: MoneyDto;
}

export class ShipmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'DN-00003' }) number: string;
  @ApiProperty({ type: DocumentRefDto }) order: DocumentRefDto;
  @ApiProperty({ type: InvoiceContactDto }) contact: InvoiceContactDto;
  @ApiProperty({ example: '2026-11-24' }) shipDate: string;
  @ApiProperty({ type: LocationRefDto }) location: LocationRefDto;
  @ApiProperty() notes: string;
  @ApiProperty({ type: [ShipmentLineDto] }) lines: ShipmentLineDto[];
  @ApiProperty({ type: MoneyDto }) cost: MoneyDto;
  @ApiProperty({ format: 'uuid' }) stockOperationId: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class OrderInvoiceRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'INV-00031' }) number: string;
  @ApiProperty({ example: 'issued' }) status: string;
  @ApiProperty() issueDate: string;
  @ApiProperty({ type: MoneyDto }) total: MoneyDto;
}

export class SalesOrderDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'SO-00007' }) number: string;
  @ApiProperty({ enum: SALES_ORDER_STATUSES }) status: string;
  @ApiProperty({ enum: FULFILMENT_STATES }) fulfilment: string;
  @ApiProperty({ enum: INVOICING_STATES }) invoicing: string;
  @ApiProperty({ description: 'Some stocked line waits for stock' }) backOrdered: boolean;
  @ApiProperty({ description: 'Confirmed, everything shipped and invoiced' }) completed: boolean;
  @ApiProperty({ type: InvoiceContactDto }) contact: InvoiceContactDto;
  @ApiProperty({ example: 'USD' }) currency: string;
  @ApiProperty({ example: '2026-11-23' }) orderDate: string;
  @ApiProperty({ type: String, nullable: true }) expectedDate: string | null;
  @ApiProperty({ type: LocationRefDto }) location: LocationRefDto;
  @ApiProperty() pricesIncludeTax: boolean;
  @ApiProperty({ enum: ['line', 'document'] }) taxRounding: string;
  @ApiProperty() notes: string;
  @ApiProperty() terms: string;
  @ApiProperty({ type: DocumentRefDto, nullable: true, description: 'The quote this order was accepted from' }) quote: DocumentRefDto | null;
  @ApiProperty({ type: [SalesOrderLineDto] }) lines: SalesOrderLineDto[];
  @ApiProperty({ type: [InvoiceTaxDto] }) taxes: InvoiceTaxDto[];
  @ApiProperty({ type: MoneyDto }) subtotal: MoneyDto;
  @ApiProperty({ type: MoneyDto }) discount: MoneyDto;
  @ApiProperty({ type: MoneyDto }) tax: MoneyDto;
  @ApiProperty({ type: MoneyDto }) total: MoneyDto;
  @ApiProperty({ type: [ShipmentDto] }) shipments: ShipmentDto[];
  @ApiProperty({ type: [OrderInvoiceRefDto] }) invoices: OrderInvoiceRefDto[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) confirmedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) cancelledAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) cancelReason: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class SalesOrderSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'SO-00007' }) number: string;
  @ApiProperty({ enum: SALES_ORDER_STATUSES }) status: string;
  @ApiProperty({ enum: FULFILMENT_STATES }) fulfilment: string;
  @ApiProperty({ enum: INVOICING_STATES }) invoicing: string;
  @ApiProperty() backOrdered: boolean;
  @ApiProperty() completed: boolean;
  @ApiProperty({ type: InvoiceContactDto }) contact: InvoiceContactDto;
  @ApiProperty() orderDate: string;
  @ApiProperty({ type: String, nullable: true }) expectedDate: string | null;
  @ApiProperty({ type: MoneyDto }) total: MoneyDto;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class SalesOrderPageDto {
  @ApiProperty({ type: [SalesOrderSummaryDto] }) items: SalesOrderSummaryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
