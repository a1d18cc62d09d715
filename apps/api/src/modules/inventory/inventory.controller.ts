import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { ErrorBodyDto } from '../../common/error-body.dto';
import { BusinessPermission, CurrentAccess } from '../access/access.decorators';
import type { BusinessAccess } from '../access/principal';
import { csvAttachment } from '../catalog/csv/csv-response';
import {
  CreateAdjustmentDto,
  CreateTransferDto,
  InventorySettingsDto,
  MovementExportQueryDto,
  OperationDetailDto,
  OperationListQueryDto,
  OperationPageDto,
  ProductStockDto,
  StockCardPageDto,
  StockCardQueryDto,
  StockLevelPageDto,
  StockLevelQueryDto,
  UpdateInventorySettingsDto,
  ValuationDto,
  ValuationQueryDto,
} from './dto/inventory.dto';
import { InventoryService } from './inventory.service';

const id = new ParseUUIDPipe({ errorHttpStatusCode: 404 });
const CSV = { description: 'CSV (UTF-8 with BOM)', content: { 'text/csv': { schema: { type: 'string' } } } };

@ApiTags('inventory')
@ApiBadRequestResponse({ type: ErrorBodyDto, description: 'Validation failed; `fields` names each field, e.g. lines.0.quantity' })
@Controller('businesses/:businessId')
export class InventoryController {
  constructor(private readonly inventory: InventoryService) {}

  @Get('inventory-settings')
  @BusinessPermission('inventory.read')
  @ApiOperation({ summary: 'Valuation method and whether stock may go negative', operationId: 'getInventorySettings' })
  @ApiOkResponse({ type: InventorySettingsDto })
  settings(@CurrentAccess() a: BusinessAccess) {
    return this.inventory.settings(a);
  }

  @Put('inventory-settings')
  @BusinessPermission('inventory.manage')
  @ApiOperation({ summary: 'Change the valuation method (before stock moves) or negative-stock policy', operationId: 'updateInventorySettings' })
  @ApiOkResponse({ type: InventorySettingsDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'VALUATION_LOCKED' })
  updateSettings(@CurrentAccess() a: BusinessAccess, @Body() dto: UpdateInventorySettingsDto) {
    return this.inventory.updateSettings(a, dto);
  }

  @Get('stock/levels')
  @BusinessPermission('inventory.read')
  @ApiOperation({ summary: 'On hand, reserved, available and value per product and location', operationId: 'listStockLevels' })
  @ApiOkResponse({ type: StockLevelPageDto })
  levels(@CurrentAccess() a: BusinessAccess, @Query() q: StockLevelQueryDto) {
    return this.inventory.levels(a, q);
  }

  @Get('stock/operations')
  @BusinessPermission('inventory.read')
  @ApiOperation({ summary: 'Receipts, shipments, transfers, adjustments and counts, newest first', operationId: 'listStockOperations' })
  @ApiOkResponse({ type: OperationPageDto })
  operations(@CurrentAccess() a: BusinessAccess, @Query() q: OperationListQueryDto) {
    return this.inventory.operations(a, q);
  }

  @Get('stock/operations/:operationId')
  @BusinessPermission('inventory.read')
  @ApiOperation({ summary: 'One stock operation with its movements', operationId: 'getStockOperation' })
  @ApiOkResponse({ type: OperationDetailDto })
  operation(@CurrentAccess() a: BusinessAccess, @Param('operationId', id) operationId: string) {
    return this.inventory.operation(a, operationId);
  }

  @Post('stock/adjustments')
  @BusinessPermission('inventory.write')
  @ApiOperation({ summary: 'Add or remove stock with a reason (posts to inventory adjustments)', operationId: 'createStockAdjustment' })
  @ApiCreatedResponse({ type: OperationDetailDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'INSUFFICIENT_STOCK' })
  adjust(@CurrentAccess() a: BusinessAccess, @Body() dto: CreateAdjustmentDto) {
    return this.inventory.adjust(a, dto);
  }

  @Post('stock/transfers')
  @BusinessPermission('inventory.write')
  @ApiOperation({ summary: 'Move stock between locations (at cost)', operationId: 'createStockTransfer' })
  @ApiCreatedResponse({ type: OperationDetailDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'INSUFFICIENT_STOCK' })
  transfer(@CurrentAccess() a: BusinessAccess, @Body() dto: CreateTransferDto) {
    return this.inventory.transfer(a, dto);
  }

  @Get('stock/valuation')
  @BusinessPermission('inventory.read')
  @ApiOperation({ summary: 'Stock value per product as of a day, next to the inventory account', operationId: 'getStockValuation' })
  @ApiOkResponse({ type: ValuationDto })
  valuation(@CurrentAccess() a: BusinessAccess, @Query() q: ValuationQueryDto) {
    return this.inventory.valuation(a, q);
  }

  @Get('stock/valuation.csv')
  @BusinessPermission('inventory.read')
  @ApiOperation({ summary: 'The stock valuation as CSV', operationId: 'exportStockValuation' })
  @ApiProduces('text/csv')
  @ApiOkResponse(CSV)
  async exportValuation(@CurrentAccess() a: BusinessAccess, @Query() q: ValuationQueryDto, @Res({ passthrough: true }) res: Response) {
    return csvAttachment(res, await this.inventory.exportValuation(a, q));
  }

  @Get('stock/movements.csv')
  @BusinessPermission('inventory.read')
  @ApiOperation({ summary: 'Stock movements as CSV (date range, location, product)', operationId: 'exportStockMovements' })
  @ApiProduces('text/csv')
  @ApiOkResponse(CSV)
  async exportMovements(@CurrentAccess() a: BusinessAccess, @Query() q: MovementExportQueryDto, @Res({ passthrough: true }) res: Response) {
    return csvAttachment(res, await this.inventory.exportMovements(a, q));
  }

  @Get('products/:productId/stock')
  @BusinessPermission('inventory.read')
  @ApiOperation({ summary: "A product's stock at every location", operationId: 'getProductStock' })
  @ApiOkResponse({ type: ProductStockDto })
  productStock(@CurrentAccess() a: BusinessAccess, @Param('productId', id) productId: string) {
    return this.inventory.productStock(a, productId);
  }

  @Get('products/:productId/stock-card')
  @BusinessPermission('inventory.read')
  @ApiOperation({ summary: 'Every movement of a product with the running quantity and value', operationId: 'getStockCard' })
  @ApiOkResponse({ type: StockCardPageDto })
  stockCard(@CurrentAccess() a: BusinessAccess, @Param('productId', id) productId: string, @Query() q: StockCardQueryDto) {
    return this.inventory.stockCard(a, productId, q);
  }
}
