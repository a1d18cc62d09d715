import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ErrorBodyDto } from '../../common/error-body.dto';
import { BusinessPermission, CurrentAccess } from '../access/access.decorators';
import type { BusinessAccess } from '../access/principal';
import {
  CreateManualEntryDto,
  JournalEntryDto,
  JournalEntryPageDto,
  JournalQueryDto,
  ReverseEntryDto,
} from './dto/journal.dto';
import { JournalService } from './journal.service';

const uuid = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

@ApiTags('ledger')
@ApiBadRequestResponse({ type: ErrorBodyDto, description: 'Validation failed; `fields` names each field (`lines.1.amount`)' })
@Controller('businesses/:businessId/journal-entries')
export class JournalController {
  constructor(private readonly journal: JournalService) {}

  @Get()
  @BusinessPermission('ledger.read')
  @ApiOperation({ summary: 'Journal entries with their lines, newest first', operationId: 'listJournalEntries' })
  @ApiOkResponse({ type: JournalEntryPageDto })
  list(@CurrentAccess() a: BusinessAccess, @Query() q: JournalQueryDto): Promise<JournalEntryPageDto> {
    return this.journal.list(a, q);
  }

  @Get(':entryId')
  @BusinessPermission('ledger.read')
  @ApiOperation({ summary: 'One journal entry with its lines', operationId: 'getJournalEntry' })
  @ApiOkResponse({ type: JournalEntryDto })
  get(@CurrentAccess() a: BusinessAccess, @Param('entryId', uuid) id: string): Promise<JournalEntryDto> {
    return this.journal.get(a, id);
  }

  @Post()
  @BusinessPermission('ledger.post')
  @ApiOperation({ summary: 'Post a manual journal entry', operationId: 'postJournalEntry' })
  @ApiCreatedResponse({ type: JournalEntryDto })
  @ApiUnprocessableEntityResponse({ type: ErrorBodyDto, description: 'ACCOUNT_INACTIVE' })
  post(@CurrentAccess() a: BusinessAccess, @Body() dto: CreateManualEntryDto): Promise<JournalEntryDto> {
    return this.journal.postManual(a, dto);
  }

  @Post(':entryId/reverse')
  @BusinessPermission('ledger.post')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Reverse a manual entry with a mirror-image entry (entries are never changed or deleted)',
    operationId: 'reverseJournalEntry',
  })
  @ApiCreatedResponse({ type: JournalEntryDto, description: 'The reversing entry' })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'ALREADY_REVERSED or ENTRY_NOT_REVERSIBLE' })
  reverse(
    @CurrentAccess() a: BusinessAccess,
    @Param('entryId', uuid) id: string,
    @Body() dto: ReverseEntryDto,
  ): Promise<JournalEntryDto> {
    return this.journal.reverseManual(a, id, dto);
  }
}
