import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorBodyDto } from '../../../common/error-body.dto';
import { BusinessPermission, CurrentAccess } from '../../access/access.decorators';
import type { BusinessAccess } from '../../access/principal';
import { InvoiceDto } from '../../invoices/dto/invoice.dto';
import {
  CancelSalesOrderDto,
  CreateShipmentDto,
  InvoiceSalesOrderDto,
  SalesOrderDraftDto,
  SalesOrderDto,
  SalesOrderListQueryDto,
  SalesOrderPageDto,
  ShipmentDto,
} from './dto/sales-order.dto';
import { SalesFulfilmentService } from './fulfilment.service';
import { SalesOrdersService } from './sales-orders.service';

const id = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

@ApiTags('sales orders')
@ApiBadRequestResponse({ type: ErrorBodyDto, description: 'Validation failed; `fields` names each field, e.g. lines.0.quantity' })
@Controller('businesses/:businessId')
export class SalesOrdersController {
  constructor(
    private readonly orders: SalesOrdersService,
    private readonly fulfilment: SalesFulfilmentService,
  ) {}

  @Get('sales-orders')
  @BusinessPermission('sales_orders.read')
  @ApiOperation({ summary: 'Sales orders, newest first; filter by state (back-ordered, to ship, to invoice...), customer or text', operationId: 'listSalesOrders' })
  @ApiOkResponse({ type: SalesOrderPageDto })
  list(@CurrentAccess() a: BusinessAccess, @Query() q: SalesOrderListQueryDto) {
    return this.orders.list(a, q);
  }

  @Post('sales-orders')
  @BusinessPermission('sales_orders.write')
  @ApiOperation({ summary: 'Create a draft sales order', operationId: 'createSalesOrder' })
  @ApiCreatedResponse({ type: SalesOrderDto })
  create(@CurrentAccess() a: BusinessAccess, @Body() dto: SalesOrderDraftDto): Promise<SalesOrderDto> {
    return this.orders.create(a, dto);
  }

  @Get('sales-orders/:orderId')
  @BusinessPermission('sales_orders.read')
  @ApiOperation({ summary: 'A sales order: per line ordered, reserved, shipped, invoiced and back-ordered; its shipments and invoices', operationId: 'getSalesOrder' })
  @ApiOkResponse({ type: SalesOrderDto })
  get(@CurrentAccess() a: BusinessAccess, @Param('orderId', id) orderId: string): Promise<SalesOrderDto> {
    return this.orders.get(a, orderId);
  }

  @Patch('sales-orders/:orderId')
  @BusinessPermission('sales_orders.write')
  @ApiOperation({ summary: 'Replace a draft sales order (header and lines)', operationId: 'updateSalesOrder' })
  @ApiOkResponse({ type: SalesOrderDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'The order is no longer a draft' })
  update(@CurrentAccess() a: BusinessAccess, @Param('orderId', id) orderId: string, @Body() dto: SalesOrderDraftDto): Promise<SalesOrderDto> {
    return this.orders.update(a, orderId, dto);
  }

  @Delete('sales-orders/:orderId')
  @BusinessPermission('sales_orders.write')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a draft sales order (one from a quote is cancelled instead)', operationId: 'deleteSalesOrder' })
  @ApiNoContentResponse()
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'Not a draft, or it came from a quote' })
  async remove(@CurrentAccess() a: BusinessAccess, @Param('orderId', id) orderId: string): Promise<void> {
    await this.orders.remove(a, orderId);
  }

  @Post('sales-orders/:orderId/confirm')
  @BusinessPermission('sales_orders.write')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Confirm a draft: reserve stock for each stocked line at the order location; what is not available is back-ordered',
    operationId: 'confirmSalesOrder',
  })
  @ApiOkResponse({ type: SalesOrderDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'The order is cancelled' })
  confirm(@CurrentAccess() a: BusinessAccess, @Param('orderId', id) orderId: string): Promise<SalesOrderDto> {
    return this.orders.confirm(a, orderId);
  }

  @Post('sales-orders/:orderId/reserve')
  @BusinessPermission('sales_orders.write')
  @HttpCode(200)
  @ApiOperation({ summary: 'Try again to reserve stock for back-ordered lines (after goods came in)', operationId: 'reserveSalesOrder' })
  @ApiOkResponse({ type: SalesOrderDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'The order is not confirmed' })
  reserve(@CurrentAccess() a: BusinessAccess, @Param('orderId', id) orderId: string): Promise<SalesOrderDto> {
    return this.orders.reserve(a, orderId);
  }

  @Post('sales-orders/:orderId/cancel')
  @BusinessPermission('sales_orders.write')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel an order nothing of which has shipped or been invoiced; releases its reservations', operationId: 'cancelSalesOrder' })
  @ApiOkResponse({ type: SalesOrderDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'Goods have shipped or been invoiced' })
  cancel(@CurrentAccess() a: BusinessAccess, @Param('orderId', id) orderId: string, @Body() dto: CancelSalesOrderDto): Promise<SalesOrderDto> {
    return this.orders.cancel(a, orderId, dto);
  }

  @Post('sales-orders/:orderId/shipments')
  @BusinessPermission('sales_orders.fulfil')
  @ApiOperation({
    summary: 'Ship some or all of what is left: moves the goods out of stock (consuming the reservations) and posts their cost',
    operationId: 'createShipment',
  })
  @ApiCreatedResponse({ type: ShipmentDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'INSUFFICIENT_STOCK, or the order is not confirmed' })
  ship(@CurrentAccess() a: BusinessAccess, @Param('orderId', id) orderId: string, @Body() dto: CreateShipmentDto): Promise<ShipmentDto> {
    return this.fulfilment.ship(a, orderId, dto);
  }

  @Post('sales-orders/:orderId/invoice')
  @BusinessPermission('invoices.issue')
  @ApiOperation({
    summary: 'Invoice what has shipped and is not yet invoiced (services as ordered): creates and issues the invoice',
    operationId: 'invoiceSalesOrder',
  })
  @ApiCreatedResponse({ type: InvoiceDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'Nothing to invoice, or the order is not confirmed' })
  invoice(@CurrentAccess() a: BusinessAccess, @Param('orderId', id) orderId: string, @Body() dto: InvoiceSalesOrderDto): Promise<InvoiceDto> {
    return this.fulfilment.invoice(a, orderId, dto);
  }

  @Get('shipments/:shipmentId')
  @BusinessPermission('sales_orders.read')
  @ApiOperation({ summary: 'A shipment (delivery note) with its lines and their cost', operationId: 'getShipment' })
  @ApiOkResponse({ type: ShipmentDto })
  shipment(@CurrentAccess() a: BusinessAccess, @Param('shipmentId', id) shipmentId: string): Promise<ShipmentDto> {
    return this.orders.getShipment(a, shipmentId);
  }
}
