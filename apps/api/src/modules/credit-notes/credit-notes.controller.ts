import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorBodyDto } from '../../common/error-body.dto';
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
