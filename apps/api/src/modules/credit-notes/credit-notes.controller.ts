import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ErrorBodyDto } from '../../common/error-body.dto';
import { csvAttachment } from '../catalog/csv/csv-response';
import { BusinessPermission, CurrentAccess } from '../access/access.decorators';
import type { BusinessAccess } from '../access/principal';
import { CreditNotesService } from './credit-notes.service';
import { CreateCreditNoteDto, CreditNoteDto, CreditNoteListQueryDto, CreditNotePageDto } from './dto/credit-note.dto';

@ApiTags('credit-notes')
@ApiBadRequestResponse({ type: ErrorBodyDto, description: 'Validation failed; `fields` names each field, e.g. lines.0.unitPrice' })
@Controller('businesses/:businessId/credit-notes')
export class CreditNotesController {
  constructor(private readonly creditNotes: CreditNotesService) {}

  @Get()
  @BusinessPermission('invoices.read')
  @ApiOperation({ summary: 'Credit notes, newest first; filter by invoice or customer', operationId: 'listCreditNotes' })
  @ApiOkResponse({ type: CreditNotePageDto })
  list(@CurrentAccess() a: BusinessAccess, @Query() q: CreditNoteListQueryDto) {
    return this.creditNotes.list(a, q);
  }

  @Get('export.csv')
  @BusinessPermission('invoices.read')
  @ApiOperation({ summary: 'The credit notes matching the list filters, as CSV', operationId: 'exportCreditNotes' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV (UTF-8 with BOM)', content: { 'text/csv': { schema: { type: 'string' } } } })
  async export(@CurrentAccess() a: BusinessAccess, @Query() q: CreditNoteListQueryDto, @Res({ passthrough: true }) res: Response) {
    return csvAttachment(res, await this.creditNotes.exportCsv(a, q));
  }

  @Post()
  @BusinessPermission('invoices.issue')
  @ApiOperation({
    summary: 'Issue a credit note against an invoice (numbered and posted at once); omit lines to credit it in full',
    operationId: 'createCreditNote',
  })
  @ApiCreatedResponse({ type: CreditNoteDto })
  create(@CurrentAccess() a: BusinessAccess, @Body() dto: CreateCreditNoteDto): Promise<CreditNoteDto> {
    return this.creditNotes.create(a, dto);
  }

  @Get(':creditNoteId')
  @BusinessPermission('invoices.read')
  @ApiOperation({ summary: 'A credit note with its lines and totals', operationId: 'getCreditNote' })
  @ApiOkResponse({ type: CreditNoteDto })
  get(@CurrentAccess() a: BusinessAccess, @Param('creditNoteId', new ParseUUIDPipe({ errorHttpStatusCode: 404 })) creditNoteId: string): Promise<CreditNoteDto> {
    return this.creditNotes.get(a, creditNoteId);
  }
}
