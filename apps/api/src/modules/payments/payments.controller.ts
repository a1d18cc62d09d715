import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ErrorBodyDto } from '../../common/error-body.dto';
import { csvAttachment } from '../catalog/csv/csv-response';
import { BusinessPermission, CurrentAccess } from '../access/access.decorators';
import type { BusinessAccess } from '../access/principal';
import { ApplyCreditDto, CreatePaymentDto, PaymentDto, PaymentListQueryDto, PaymentPageDto, RefundDto } from './dto/payment.dto';
import { PaymentsService } from './payments.service';

const id = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

@ApiTags('payments')
@ApiBadRequestResponse({ type: ErrorBodyDto, description: 'Validation failed; `fields` names each field, e.g. allocations.0.amount' })
@Controller('businesses/:businessId/payments')
export class PaymentsController {
  constructor(private readonly payments: PaymentsService) {}

  @Get()
  @BusinessPermission('payments.read')
  @ApiOperation({ summary: 'Payments received, newest first; filter by customer, invoice, method, date or unapplied credit', operationId: 'listPayments' })
  @ApiOkResponse({ type: PaymentPageDto })
  list(@CurrentAccess() a: BusinessAccess, @Query() q: PaymentListQueryDto) {
    return this.payments.list(a, q);
  }

  @Get('export.csv')
  @BusinessPermission('payments.read')
  @ApiOperation({ summary: 'The payments matching the list filters, as CSV', operationId: 'exportPayments' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV (UTF-8 with BOM)', content: { 'text/csv': { schema: { type: 'string' } } } })
  async export(@CurrentAccess() a: BusinessAccess, @Query() q: PaymentListQueryDto, @Res({ passthrough: true }) res: Response) {
    return csvAttachment(res, await this.payments.exportCsv(a, q));
  }

  @Post()
  @BusinessPermission('payments.write')
  @ApiOperation({
    summary: 'Record a payment from a customer and apply it to invoices; the rest stays as customer credit',
    operationId: 'createPayment',
  })
  @ApiCreatedResponse({ type: PaymentDto })
  create(@CurrentAccess() a: BusinessAccess, @Body() dto: CreatePaymentDto): Promise<PaymentDto> {
    return this.payments.create(a, dto);
  }

  @Get(':paymentId')
  @BusinessPermission('payments.read')
  @ApiOperation({ summary: 'A payment with its allocations and refunds', operationId: 'getPayment' })
  @ApiOkResponse({ type: PaymentDto })
  get(@CurrentAccess() a: BusinessAccess, @Param('paymentId', id) paymentId: string): Promise<PaymentDto> {
    return this.payments.get(a, paymentId);
  }

  @Post(':paymentId/allocations')
  @BusinessPermission('payments.write')
  @HttpCode(200)
  @ApiOperation({ summary: "Apply the payment's unapplied customer credit to invoices", operationId: 'applyPaymentCredit' })
  @ApiOkResponse({ type: PaymentDto })
  allocate(@CurrentAccess() a: BusinessAccess, @Param('paymentId', id) paymentId: string, @Body() dto: ApplyCreditDto) {
    return this.payments.applyCredit(a, paymentId, dto);
  }

  @Post(':paymentId/refunds')
  @BusinessPermission('payments.refund')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Pay customer credit back, optionally taking money back from invoices first (they reopen)',
    operationId: 'refundPayment',
  })
  @ApiOkResponse({ type: PaymentDto })
  refund(@CurrentAccess() a: BusinessAccess, @Param('paymentId', id) paymentId: string, @Body() dto: RefundDto) {
    return this.payments.refund(a, paymentId, dto);
  }
}
