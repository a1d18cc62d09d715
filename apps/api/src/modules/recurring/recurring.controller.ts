import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorBodyDto } from '../../common/error-body.dto';
import { BusinessPermission, CurrentAccess } from '../access/access.decorators';
import type { BusinessAccess } from '../access/principal';
import { PageQueryDto } from '../../common/pagination';
import {
  RecurringInvoiceDto,
  RecurringInvoiceInputDto,
  RecurringInvoiceListQueryDto,
  RecurringInvoicePageDto,
  RecurringRunPageDto,
} from './dto/recurring.dto';
import { RecurringService } from './recurring.service';

const id = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

@ApiTags('recurring-invoices')
@ApiBadRequestResponse({ type: ErrorBodyDto, description: 'Validation failed; `fields` names each field, e.g. lines.0.quantity' })
@Controller('businesses/:businessId/recurring-invoices')
export class RecurringController {
  constructor(private readonly recurring: RecurringService) {}

  @Get()
  @BusinessPermission('invoices.write')
  @ApiOperation({ summary: 'Recurring invoice templates, newest first; filter by status or customer', operationId: 'listRecurringInvoices' })
  @ApiOkResponse({ type: RecurringInvoicePageDto })
  list(@CurrentAccess() a: BusinessAccess, @Query() q: RecurringInvoiceListQueryDto) {
    return this.recurring.list(a, q);
  }

  @Post()
  @BusinessPermission('invoices.write')
  @ApiOperation({ summary: 'Create a recurring invoice template', operationId: 'createRecurringInvoice' })
  @ApiCreatedResponse({ type: RecurringInvoiceDto })
  create(@CurrentAccess() a: BusinessAccess, @Body() dto: RecurringInvoiceInputDto): Promise<RecurringInvoiceDto> {
    return this.recurring.create(a, dto);
  }

  @Get(':templateId')
  @BusinessPermission('invoices.write')
  @ApiOperation({ summary: 'A recurring invoice template', operationId: 'getRecurringInvoice' })
  @ApiOkResponse({ type: RecurringInvoiceDto })
  get(@CurrentAccess() a: BusinessAccess, @Param('templateId', id) templateId: string): Promise<RecurringInvoiceDto> {
    return this.recurring.get(a, templateId);
  }

  @Get(':templateId/invoices')
  @BusinessPermission('invoices.write')
  @ApiOperation({ summary: 'The invoices a template generated, newest first', operationId: 'listRecurringInvoiceRuns' })
  @ApiOkResponse({ type: RecurringRunPageDto })
  invoices(
    @CurrentAccess() a: BusinessAccess,
    @Param('templateId', id) templateId: string,
    @Query() q: PageQueryDto,
  ): Promise<RecurringRunPageDto> {
    return this.recurring.invoicesOf(a, templateId, q);
  }

  @Put(':templateId')
  @BusinessPermission('invoices.write')
  @ApiOperation({ summary: 'Replace a recurring invoice template', operationId: 'updateRecurringInvoice' })
  @ApiOkResponse({ type: RecurringInvoiceDto })
  update(
    @CurrentAccess() a: BusinessAccess,
    @Param('templateId', id) templateId: string,
    @Body() dto: RecurringInvoiceInputDto,
  ): Promise<RecurringInvoiceDto> {
    return this.recurring.update(a, templateId, dto);
  }

  @Post(':templateId/pause')
  @HttpCode(200)
  @BusinessPermission('invoices.write')
  @ApiOperation({ summary: 'Stop generating invoices until resumed', operationId: 'pauseRecurringInvoice' })
  @ApiOkResponse({ type: RecurringInvoiceDto })
  pause(@CurrentAccess() a: BusinessAccess, @Param('templateId', id) templateId: string): Promise<RecurringInvoiceDto> {
    return this.recurring.pause(a, templateId);
  }

  @Post(':templateId/resume')
  @HttpCode(200)
  @BusinessPermission('invoices.write')
  @ApiOperation({ summary: 'Resume; occurrences missed while paused are skipped', operationId: 'resumeRecurringInvoice' })
  @ApiOkResponse({ type: RecurringInvoiceDto })
  resume(@CurrentAccess() a: BusinessAccess, @Param('templateId', id) templateId: string): Promise<RecurringInvoiceDto> {
    return this.recurring.resume(a, templateId);
  }

  @Delete(':templateId')
  @HttpCode(204)
  @BusinessPermission('invoices.write')
  @ApiOperation({ summary: 'Delete a template that has not generated any invoice', operationId: 'deleteRecurringInvoice' })
  @ApiNoContentResponse()
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'The template has generated invoices; pause it instead' })
  async delete(@CurrentAccess() a: BusinessAccess, @Param('templateId', id) templateId: string): Promise<void> {
    await this.recurring.delete(a, templateId);
  }
}
