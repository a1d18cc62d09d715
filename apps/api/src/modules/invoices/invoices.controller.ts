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
import { csvAttachment } from '../catalog/csv/csv-response';
import { ErrorBodyDto } from '../../common/error-body.dto';
import { BusinessPermission, CurrentAccess } from '../access/access.decorators';
import type { BusinessAccess } from '../access/principal';
import {
  InvoiceDraftDto,
  InvoiceDto,
  InvoiceListQueryDto,
  InvoicePageDto,
  IssueInvoiceDto,
  VoidInvoiceDto,
} from './dto/invoice.dto';
import { InvoicesService } from './invoices.service';

const id = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

@ApiTags('invoices')
@ApiBadRequestResponse({ type: ErrorBodyDto, description: 'Validation failed; `fields` names each field, e.g. lines.0.quantity' })
@Controller('businesses/:businessId/invoices')
export class InvoicesController {
  constructor(private readonly invoices: InvoicesService) {}

  @Get()
  @BusinessPermission('invoices.read')
  @ApiOperation({ summary: 'Invoices, newest first; filter by status (or overdue), customer or text', operationId: 'listInvoices' })
  @ApiOkResponse({ type: InvoicePageDto })
  list(@CurrentAccess() a: BusinessAccess, @Query() q: InvoiceListQueryDto) {
    return this.invoices.list(a, q);
  }

  @Get('export.csv')
  @BusinessPermission('invoices.read')
  @ApiOperation({ summary: 'The invoices matching the list filters, as CSV', operationId: 'exportInvoices' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV (UTF-8 with BOM)', content: { 'text/csv': { schema: { type: 'string' } } } })
  async export(@CurrentAccess() a: BusinessAccess, @Query() q: InvoiceListQueryDto, @Res({ passthrough: true }) res: Response) {
    return csvAttachment(res, await this.invoices.exportCsv(a, q));
  }

  @Post()
  @BusinessPermission('invoices.write')
  @ApiOperation({ summary: 'Create a draft invoice', operationId: 'createInvoice' })
  @ApiCreatedResponse({ type: InvoiceDto })
  create(@CurrentAccess() a: BusinessAccess, @Body() dto: InvoiceDraftDto): Promise<InvoiceDto> {
    return this.invoices.createDraft(a, dto);
  }

  @Get(':invoiceId')
  @BusinessPermission('invoices.read')
  @ApiOperation({ summary: 'An invoice with its lines and totals', operationId: 'getInvoice' })
  @ApiOkResponse({ type: InvoiceDto })
  get(@CurrentAccess() a: BusinessAccess, @Param('invoiceId', id) invoiceId: string): Promise<InvoiceDto> {
    return this.invoices.get(a, invoiceId);
  }

  @Patch(':invoiceId')
  @BusinessPermission('invoices.write')
  @ApiOperation({ summary: 'Replace a draft invoice (header and lines)', operationId: 'updateInvoice' })
  @ApiOkResponse({ type: InvoiceDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'The invoice is no longer a draft' })
  update(@CurrentAccess() a: BusinessAccess, @Param('invoiceId', id) invoiceId: string, @Body() dto: InvoiceDraftDto) {
    return this.invoices.updateDraft(a, invoiceId, dto);
  }

  @Delete(':invoiceId')
  @BusinessPermission('invoices.write')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a draft invoice', operationId: 'deleteInvoice' })
  @ApiNoContentResponse()
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'Issued invoices are voided, not deleted' })
  async remove(@CurrentAccess() a: BusinessAccess, @Param('invoiceId', id) invoiceId: string): Promise<void> {
    await this.invoices.deleteDraft(a, invoiceId);
  }

  @Post(':invoiceId/issue')
  @BusinessPermission('invoices.issue')
  @HttpCode(200)
  @ApiOperation({ summary: 'Issue a draft: number it, fix the exchange rate and post it to the books', operationId: 'issueInvoice' })
  @ApiOkResponse({ type: InvoiceDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'Already issued, or nothing to invoice' })
  issue(@CurrentAccess() a: BusinessAccess, @Param('invoiceId', id) invoiceId: string, @Body() dto: IssueInvoiceDto) {
    return this.invoices.issue(a, invoiceId, dto);
  }

  @Post(':invoiceId/void')
  @BusinessPermission('invoices.void')
  @HttpCode(200)
  @ApiOperation({ summary: 'Void an issued, unpaid invoice (posts a reversing entry)', operationId: 'voidInvoice' })
  @ApiOkResponse({ type: InvoiceDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'Payments or credit notes are applied' })
  void(@CurrentAccess() a: BusinessAccess, @Param('invoiceId', id) invoiceId: string, @Body() dto: VoidInvoiceDto) {
    return this.invoices.void(a, invoiceId, dto);
  }
}
