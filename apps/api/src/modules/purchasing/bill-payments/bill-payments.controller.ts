import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ErrorBodyDto } from '../../../common/error-body.dto';
import { BusinessPermission, CurrentAccess } from '../../access/access.decorators';
import type { BusinessAccess } from '../../access/principal';
import { csvAttachment } from '../../catalog/csv/csv-response';
import { ReasonDto } from '../purchasing.dto';
import { BillPaymentsService } from './bill-payments.service';
import {
  BillPaymentDto,
  BillPaymentListQueryDto,
  BillPaymentPageDto,
  CreateBillPaymentDto,
  PayableListDto,
  PayablesQueryDto,
} from './dto/bill-payment.dto';

const id = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

@ApiTags('bill-payments')
@ApiBadRequestResponse({ type: ErrorBodyDto, description: 'Validation failed; `fields` names each field, e.g. allocations.0.amount' })
@Controller('businesses/:businessId')
export class BillPaymentsController {
  constructor(private readonly payments: BillPaymentsService) {}

  @Get('payables')
  @BusinessPermission('bills.read')
  @ApiOperation({ summary: "A supplier's open bills and on-account expenses, oldest due first", operationId: 'listPayables' })
  @ApiOkResponse({ type: PayableListDto })
  payables(@CurrentAccess() a: BusinessAccess, @Query() q: PayablesQueryDto) {
    return this.payments.payables(a, q.contactId, q.currency);
  }

  @Get('bill-payments')
  @BusinessPermission('bills.read')
  @ApiOperation({ summary: 'Payments to suppliers, newest first', operationId: 'listBillPayments' })
  @ApiOkResponse({ type: BillPaymentPageDto })
  list(@CurrentAccess() a: BusinessAccess, @Query() q: BillPaymentListQueryDto) {
    return this.payments.list(a, q);
  }

  @Get('bill-payments/export.csv')
  @BusinessPermission('bills.read')
  @ApiOperation({ summary: 'The payments to suppliers matching the list filters, as CSV', operationId: 'exportBillPayments' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV (UTF-8 with BOM)', content: { 'text/csv': { schema: { type: 'string' } } } })
  async export(@CurrentAccess() a: BusinessAccess, @Query() q: BillPaymentListQueryDto, @Res({ passthrough: true }) res: Response) {
    return csvAttachment(res, await this.payments.exportCsv(a, q));
  }

  @Post('bill-payments')
  @BusinessPermission('bills.pay')
  @ApiOperation({ summary: 'Pay a supplier: settles bills and on-account expenses (Dr accounts payable / Cr bank or cash)', operationId: 'createBillPayment' })
  @ApiCreatedResponse({ type: BillPaymentDto })
  create(@CurrentAccess() a: BusinessAccess, @Body() dto: CreateBillPaymentDto): Promise<BillPaymentDto> {
    return this.payments.create(a, dto);
  }

  @Get('bill-payments/:billPaymentId')
  @BusinessPermission('bills.read')
  @ApiOperation({ summary: 'A payment to a supplier and what it settled', operationId: 'getBillPayment' })
  @ApiOkResponse({ type: BillPaymentDto })
  get(@CurrentAccess() a: BusinessAccess, @Param('billPaymentId', id) paymentId: string): Promise<BillPaymentDto> {
    return this.payments.get(a, paymentId);
  }

  @Post('bill-payments/:billPaymentId/void')
  @BusinessPermission('bills.pay')
  @HttpCode(200)
  @ApiOperation({ summary: 'Void a payment to a supplier: what it settled is owed again', operationId: 'voidBillPayment' })
  @ApiOkResponse({ type: BillPaymentDto })
  void(@CurrentAccess() a: BusinessAccess, @Param('billPaymentId', id) paymentId: string, @Body() dto: ReasonDto) {
    return this.payments.void(a, paymentId, dto.reason);
  }
}
