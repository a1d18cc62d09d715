import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Res, StreamableFile } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { ErrorBodyDto } from '../../common/error-body.dto';
import { BusinessPermission, CurrentAccess } from '../access/access.decorators';
import type { BusinessAccess } from '../access/principal';
import { InvoiceSendDto, PublicLinkDto, SendInvoiceDto } from './dto/invoice-documents.dto';
import { InvoiceDocumentsService } from './invoice-documents.service';
import { pdfResponse } from './pdf-response';

const id = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

export const PDF_NOT_READY = {
  type: ErrorBodyDto,
  description: 'PDF_NOT_READY: the PDF is being rendered in the background; retry after `Retry-After` seconds',
};
export const PDF_BODY = {
  description: 'The invoice as a PDF',
  content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
};

@ApiTags('invoices')
@Controller('businesses/:businessId/invoices/:invoiceId')
export class InvoiceDocumentsController {
  constructor(private readonly documents: InvoiceDocumentsService) {}

  @Get('pdf')
  @BusinessPermission('invoices.read')
  @ApiOperation({ summary: 'The issued invoice as a PDF (rendered in the background)', operationId: 'getInvoicePdf' })
  @ApiProduces('application/pdf')
  @ApiOkResponse(PDF_BODY)
  @ApiAcceptedResponse(PDF_NOT_READY)
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'The invoice is a draft' })
  async pdf(
    @CurrentAccess() a: BusinessAccess,
    @Param('invoiceId', id) invoiceId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return pdfResponse(res, await this.documents.pdf(a, invoiceId));
  }

  @Get('public-link')
  @BusinessPermission('invoices.read')
  @ApiOperation({ summary: 'The link where the customer can view and download the invoice', operationId: 'getInvoicePublicLink' })
  @ApiOkResponse({ type: PublicLinkDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'The invoice is a draft' })
  publicLink(@CurrentAccess() a: BusinessAccess, @Param('invoiceId', id) invoiceId: string): Promise<PublicLinkDto> {
    return this.documents.publicLink(a, invoiceId);
  }

  @Post('send')
  @BusinessPermission('invoices.issue')
  @HttpCode(202)
  @ApiOperation({
    summary: "Email the invoice (PDF attached, with its public link); to the customer's address unless `to` is given",
    operationId: 'sendInvoice',
  })
  @ApiAcceptedResponse({ type: InvoiceSendDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'No address given and the customer has none' })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'The invoice is a draft or void' })
  send(@CurrentAccess() a: BusinessAccess, @Param('invoiceId', id) invoiceId: string, @Body() dto: SendInvoiceDto) {
    return this.documents.send(a, invoiceId, dto);
  }
}
