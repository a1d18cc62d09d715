import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorBodyDto } from '../../../common/error-body.dto';
import { BusinessPermission, CurrentAccess } from '../../access/access.decorators';
import type { BusinessAccess } from '../../access/principal';
import {
  CreateStockCountDto,
  PostStockCountDto,
  ScanDto,
  ScanResultDto,
  StockCountDto,
  StockCountLinePageDto,
  StockCountLineQueryDto,
  StockCountLinesDto,
  StockCountListQueryDto,
  StockCountPageDto,
  UpdateCountLinesDto,
} from './stock-counts.dto';
import { StockCountsService } from './stock-counts.service';

const id = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

@ApiTags('inventory')
@ApiBadRequestResponse({ type: ErrorBodyDto, description: 'Validation failed; `fields` names each field' })
@Controller('businesses/:businessId/stock-counts')
export class StockCountsController {
  constructor(private readonly counts: StockCountsService) {}

  @Get()
  @BusinessPermission('inventory.read')
  @ApiOperation({ summary: 'Stock counts, newest first', operationId: 'listStockCounts' })
  @ApiOkResponse({ type: StockCountPageDto })
  list(@CurrentAccess() a: BusinessAccess, @Query() q: StockCountListQueryDto) {
    return this.counts.list(a, q);
  }

  @Post()
  @BusinessPermission('inventory.write')
  @ApiOperation({
    summary: 'Start a count of a location: every stocked product, a list, or a search, with the books as expected quantities',
    operationId: 'createStockCount',
  })
  @ApiCreatedResponse({ type: StockCountDto })
  create(@CurrentAccess() a: BusinessAccess, @Body() dto: CreateStockCountDto) {
    return this.counts.create(a, dto);
  }

  @Get(':countId')
  @BusinessPermission('inventory.read')
  @ApiOperation({ summary: 'One stock count with its totals', operationId: 'getStockCount' })
  @ApiOkResponse({ type: StockCountDto })
  get(@CurrentAccess() a: BusinessAccess, @Param('countId', id) countId: string) {
    return this.counts.get(a, countId);
  }

  @Get(':countId/lines')
  @BusinessPermission('inventory.read')
  @ApiOperation({ summary: "A count's lines by product name: expected, counted, the books now and the value", operationId: 'listStockCountLines' })
  @ApiOkResponse({ type: StockCountLinePageDto })
  lines(@CurrentAccess() a: BusinessAccess, @Param('countId', id) countId: string, @Query() q: StockCountLineQueryDto) {
    return this.counts.lines(a, countId, q);
  }

  @Patch(':countId/lines')
  @BusinessPermission('inventory.write')
  @ApiOperation({ summary: 'Enter counted quantities (null clears a line)', operationId: 'updateStockCountLines' })
  @ApiOkResponse({ type: StockCountLinesDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'CONFLICT: the count is posted or cancelled' })
  updateLines(@CurrentAccess() a: BusinessAccess, @Param('countId', id) countId: string, @Body() dto: UpdateCountLinesDto) {
    return this.counts.updateLines(a, countId, dto);
  }

  @Post(':countId/scan')
  @BusinessPermission('inventory.write')
  @HttpCode(200)
  @ApiOperation({ summary: 'Count one more (or `quantity`) of the product with this SKU', operationId: 'scanStockCount' })
  @ApiOkResponse({ type: ScanResultDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'CONFLICT: the count is posted or cancelled' })
  scan(@CurrentAccess() a: BusinessAccess, @Param('countId', id) countId: string, @Body() dto: ScanDto) {
    return this.counts.scan(a, countId, dto);
  }

  @Post(':countId/post')
  @BusinessPermission('inventory.write')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Book the differences as one count operation (counted becomes the quantity); posting again changes nothing',
    operationId: 'postStockCount',
  })
  @ApiOkResponse({ type: StockCountDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'COUNT_DRIFT: the books moved since the snapshot (confirm with acceptDrift); INSUFFICIENT_STOCK' })
  post(@CurrentAccess() a: BusinessAccess, @Param('countId', id) countId: string, @Body() dto: PostStockCountDto) {
    return this.counts.post(a, countId, dto);
  }

  @Post(':countId/cancel')
  @BusinessPermission('inventory.write')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a draft count (nothing is booked)', operationId: 'cancelStockCount' })
  @ApiOkResponse({ type: StockCountDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'CONFLICT: already posted' })
  cancel(@CurrentAccess() a: BusinessAccess, @Param('countId', id) countId: string) {
    return this.counts.cancel(a, countId);
  }
}
