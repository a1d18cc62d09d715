import { Controller, Get, Param, Res, StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ErrorBodyDto } from '../../common/error-body.dto';
import { Public } from '../access/access.decorators';
import { PublicInvoiceDto } from './dto/invoice-documents.dto';
import { PDF_BODY, PDF_NOT_READY } from './invoice-documents.controller';
import { InvoiceDocumentsService } from './invoice-documents.service';
import { pdfResponse } from './pdf-response';

/** The customer's side of the public link: the token is the credential, no session. */
@ApiTags('public')
@ApiNotFoundResponse({ type: ErrorBodyDto, description: 'No invoice has this link' })
@Controller('public/invoices/:token')
export class PublicInvoicesController {
  constructor(private readonly documents: InvoiceDocumentsService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'An invoice by its public link', operationId: 'getPublicInvoice' })
  @ApiOkResponse({ type: PublicInvoiceDto })
  async view(@Param('token') token: string, @Res({ passthrough: true }) res: Response): Promise<PublicInvoiceDto> {
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('X-Robots-Tag', 'noindex, nofollow');
    return this.documents.publicView(token);
  }

  @Get('pdf')
  @Public()
  @ApiOperation({ summary: 'The PDF of an invoice by its public link', operationId: 'getPublicInvoicePdf' })
  @ApiProduces('application/pdf')
  @ApiOkResponse(PDF_BODY)
  @ApiAcceptedResponse(PDF_NOT_READY)
  async pdf(@Param('token') token: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return pdfResponse(res, await this.documents.publicPdf(token), { public: true });
  }
}
