import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { ErrorBodyDto } from '../../../common/error-body.dto';
import { BusinessPermission, CurrentAccess } from '../../access/access.decorators';
import type { BusinessAccess } from '../../access/principal';
import { csvAttachment } from '../../catalog/csv/csv-response';
import { ReasonDto } from '../purchasing.dto';
import {
  OrderPurchaseOrderDto,
  PurchaseOrderDraftDto,
  PurchaseOrderDto,
  PurchaseOrderListQueryDto,
  PurchaseOrderPageDto,
  ReceivePurchaseOrderDto,
  SendPurchaseOrderDto,
} from './dto/purchase-order.dto';
import { PurchaseOrdersService } from './purchase-orders.service';

const id = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

@ApiTags('purchase-orders')
@ApiBadRequestResponse({ type: ErrorBodyDto, description: 'Validation failed; `fields` names each field, e.g. lines.0.quantity' })
@Controller('businesses/:businessId/purchase-orders')
export class PurchaseOrdersController {
  constructor(private readonly orders: PurchaseOrdersService) {}

  @Get()
  @BusinessPermission('purchases.read')
  @ApiOperation({ summary: 'Purchase orders, newest first; filter by status, supplier, product or text', operationId: 'listPurchaseOrders' })
  @ApiOkResponse({ type: PurchaseOrderPageDto })
  list(@CurrentAccess() a: BusinessAccess, @Query() q: PurchaseOrderListQueryDto) {
    return this.orders.list(a, q);
  }

  @Get('export.csv')
  @BusinessPermission('purchases.read')
  @ApiOperation({ summary: 'The purchase orders matching the list filters, as CSV', operationId: 'exportPurchaseOrders' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV (UTF-8 with BOM)', content: { 'text/csv': { schema: { type: 'string' } } } })
  async export(@CurrentAccess() a: BusinessAccess, @Query() q: PurchaseOrderListQueryDto, @Res({ passthrough: true }) res: Response) {
    return csvAttachment(res, await this.orders.exportCsv(a, q));
  }

  @Post()
  @BusinessPermission('purchases.write')
  @ApiOperation({ summary: 'Create a draft purchase order', operationId: 'createPurchaseOrder' })
  @ApiCreatedResponse({ type: PurchaseOrderDto })
  create(@CurrentAccess() a: BusinessAccess, @Body() dto: PurchaseOrderDraftDto): Promise<PurchaseOrderDto> {
    return this.orders.create(a, dto);
  }

  @Get(':purchaseOrderId')
  @BusinessPermission('purchases.read')
  @ApiOperation({ summary: 'A purchase order with its lines, receipts and bills', operationId: 'getPurchaseOrder' })
  @ApiOkResponse({ type: PurchaseOrderDto })
  get(@CurrentAccess() a: BusinessAccess, @Param('purchaseOrderId', id) orderId: string): Promise<PurchaseOrderDto> {
    return this.orders.get(a, orderId);
  }

  @Patch(':purchaseOrderId')
  @BusinessPermission('purchases.write')
  @ApiOperation({ summary: 'Replace a draft purchase order (header and lines)', operationId: 'updatePurchaseOrder' })
  @ApiOkResponse({ type: PurchaseOrderDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'The order is no longer a draft' })
  update(@CurrentAccess() a: BusinessAccess, @Param('purchaseOrderId', id) orderId: string, @Body() dto: PurchaseOrderDraftDto) {
    return this.orders.update(a, orderId, dto);
  }

  @Delete(':purchaseOrderId')
  @BusinessPermission('purchases.write')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a draft purchase order', operationId: 'deletePurchaseOrder' })
  @ApiNoContentResponse()
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'Ordered purchase orders are cancelled or closed, not deleted' })
  async remove(@CurrentAccess() a: BusinessAccess, @Param('purchaseOrderId', id) orderId: string): Promise<void> {
    await this.orders.remove(a, orderId);
  }

  @Post(':purchaseOrderId/order')
  @BusinessPermission('purchases.write')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark a draft as ordered: number it and fix its exchange rate', operationId: 'orderPurchaseOrder' })
  @ApiOkResponse({ type: PurchaseOrderDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'Already ordered' })
  order(@CurrentAccess() a: BusinessAccess, @Param('purchaseOrderId', id) orderId: string, @Body() dto: OrderPurchaseOrderDto) {
    return this.orders.order(a, orderId, dto);
  }

  @Post(':purchaseOrderId/send')
  @BusinessPermission('purchases.write')
  @HttpCode(200)
  @ApiOperation({ summary: 'Email the order to the supplier (ordering a draft first)', operationId: 'sendPurchaseOrder' })
  @ApiOkResponse({ type: PurchaseOrderDto })
  send(@CurrentAccess() a: BusinessAccess, @Param('purchaseOrderId', id) orderId: string, @Body() dto: SendPurchaseOrderDto) {
    return this.orders.send(a, orderId, dto);
  }

  @Post(':purchaseOrderId/receipts')
  @BusinessPermission('purchases.write')
  @ApiOperation({ summary: 'Receive goods: per line, into a location, at the order cost (Dr inventory / Cr GRNI)', operationId: 'receivePurchaseOrder' })
  @ApiCreatedResponse({ type: PurchaseOrderDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'The order is a draft, closed or cancelled' })
  receive(@CurrentAccess() a: BusinessAccess, @Param('purchaseOrderId', id) orderId: string, @Body() dto: ReceivePurchaseOrderDto) {
    return this.orders.receive(a, orderId, dto);
  }

  @Post(':purchaseOrderId/close')
  @BusinessPermission('purchases.write')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close an order: nothing more is expected (what arrived can still be billed)', operationId: 'closePurchaseOrder' })
  @ApiOkResponse({ type: PurchaseOrderDto })
  close(@CurrentAccess() a: BusinessAccess, @Param('purchaseOrderId', id) orderId: string, @Body() dto: ReasonDto) {
    return this.orders.close(a, orderId, dto.reason);
  }

  @Post(':purchaseOrderId/cancel')
  @BusinessPermission('purchases.write')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel an order on which nothing was received or billed', operationId: 'cancelPurchaseOrder' })
  @ApiOkResponse({ type: PurchaseOrderDto })
  cancel(@CurrentAccess() a: BusinessAccess, @Param('purchaseOrderId', id) orderId: string, @Body() dto: ReasonDto) {
    return this.orders.cancel(a, orderId, dto.reason);
  }
}
