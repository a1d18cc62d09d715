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
import { BillsService } from './bills.service';
import { BillDraftDto, BillDto, BillFromOrderDto, BillListQueryDto, BillPageDto, PostBillDto } from './dto/bill.dto';

const id = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

@ApiTags('bills')
@ApiBadRequestResponse({ type: ErrorBodyDto, description: 'Validation failed; `fields` names each field, e.g. lines.0.quantity' })
@Controller('businesses/:businessId/bills')
export class BillsController {
  constructor(private readonly bills: BillsService) {}

  @Get()
  @BusinessPermission('bills.read')
  @ApiOperation({ summary: 'Supplier bills, newest first; filter by status (or overdue, unpaid), supplier, order or text', operationId: 'listBills' })
  @ApiOkResponse({ type: BillPageDto })
  list(@CurrentAccess() a: BusinessAccess, @Query() q: BillListQueryDto) {
    return this.bills.list(a, q);
  }

  @Get('export.csv')
  @BusinessPermission('bills.read')
  @ApiOperation({ summary: 'The bills matching the list filters, as CSV', operationId: 'exportBills' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV (UTF-8 with BOM)', content: { 'text/csv': { schema: { type: 'string' } } } })
  async export(@CurrentAccess() a: BusinessAccess, @Query() q: BillListQueryDto, @Res({ passthrough: true }) res: Response) {
    return csvAttachment(res, await this.bills.exportCsv(a, q));
  }

  @Post()
  @BusinessPermission('bills.write')
  @ApiOperation({ summary: 'Create a draft bill (lines billing purchase order lines, or booked to accounts)', operationId: 'createBill' })
  @ApiCreatedResponse({ type: BillDto })
  create(@CurrentAccess() a: BusinessAccess, @Body() dto: BillDraftDto): Promise<BillDto> {
    return this.bills.create(a, dto);
  }

  @Post('from-purchase-order')
  @BusinessPermission('bills.write')
  @ApiOperation({ summary: 'Create a draft bill for what a purchase order received and is not billed yet', operationId: 'createBillFromPurchaseOrder' })
  @ApiCreatedResponse({ type: BillDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'Nothing on the order is waiting to be billed' })
  fromOrder(@CurrentAccess() a: BusinessAccess, @Body() dto: BillFromOrderDto): Promise<BillDto> {
    return this.bills.createFromOrder(a, dto.purchaseOrderId);
  }

  @Get(':billId')
  @BusinessPermission('bills.read')
  @ApiOperation({ summary: 'A bill with its lines, totals and payments', operationId: 'getBill' })
  @ApiOkResponse({ type: BillDto })
  get(@CurrentAccess() a: BusinessAccess, @Param('billId', id) billId: string): Promise<BillDto> {
    return this.bills.get(a, billId);
  }

  @Patch(':billId')
  @BusinessPermission('bills.write')
  @ApiOperation({ summary: 'Replace a draft bill (header and lines)', operationId: 'updateBill' })
  @ApiOkResponse({ type: BillDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'The bill is no longer a draft' })
  update(@CurrentAccess() a: BusinessAccess, @Param('billId', id) billId: string, @Body() dto: BillDraftDto) {
    return this.bills.update(a, billId, dto);
  }

  @Delete(':billId')
  @BusinessPermission('bills.write')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a draft bill', operationId: 'deleteBill' })
  @ApiNoContentResponse()
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'Posted bills are voided, not deleted' })
  async remove(@CurrentAccess() a: BusinessAccess, @Param('billId', id) billId: string): Promise<void> {
    await this.bills.remove(a, billId);
  }

  @Post(':billId/post')
  @BusinessPermission('bills.write')
  @HttpCode(200)
  @ApiOperation({ summary: 'Post a draft bill to the books: number it, fix its rate, Cr accounts payable', operationId: 'postBill' })
  @ApiOkResponse({ type: BillDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'Already posted, or a bill for nothing' })
  post(@CurrentAccess() a: BusinessAccess, @Param('billId', id) billId: string, @Body() dto: PostBillDto) {
    return this.bills.post(a, billId, dto);
  }

  @Post(':billId/void')
  @BusinessPermission('bills.void')
  @HttpCode(200)
  @ApiOperation({ summary: 'Void a posted, unpaid bill (posts a reversing entry)', operationId: 'voidBill' })
  @ApiOkResponse({ type: BillDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'The bill has payments' })
  void(@CurrentAccess() a: BusinessAccess, @Param('billId', id) billId: string, @Body() dto: ReasonDto) {
    return this.bills.void(a, billId, dto.reason);
  }
}
