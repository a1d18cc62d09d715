import { Body, Controller, Get, Param, ParseUUIDPipe, Put, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorBodyDto } from '../../common/error-body.dto';
import { BusinessPermission, CurrentAccess } from '../access/access.decorators';
import type { BusinessAccess } from '../access/principal';
import { ReminderHistoryDto, ReminderListQueryDto, ReminderPageDto, ReminderSettingsDto } from './dto/reminders.dto';
import { RemindersService } from './reminders.service';

@ApiTags('reminders')
@ApiBadRequestResponse({ type: ErrorBodyDto, description: 'Validation failed' })
@Controller('businesses/:businessId')
export class RemindersController {
  constructor(private readonly reminders: RemindersService) {}

  @Get('reminder-settings')
  @BusinessPermission('reminders.manage')
  @ApiOperation({ summary: 'The payment reminder schedule and email templates', operationId: 'getReminderSettings' })
  @ApiOkResponse({ type: ReminderSettingsDto })
  get(@CurrentAccess() a: BusinessAccess): Promise<ReminderSettingsDto> {
    return this.reminders.getSettings(a);
  }

  @Put('reminder-settings')
  @BusinessPermission('reminders.manage')
  @ApiOperation({ summary: 'Replace the payment reminder schedule and email templates', operationId: 'putReminderSettings' })
  @ApiOkResponse({ type: ReminderSettingsDto })
  put(@CurrentAccess() a: BusinessAccess, @Body() dto: ReminderSettingsDto): Promise<ReminderSettingsDto> {
    return this.reminders.putSettings(a, dto);
  }

  @Get('reminders')
  @BusinessPermission('invoices.read')
  @ApiOperation({ summary: 'Payment reminders sent, newest first; filter by invoice or customer', operationId: 'listReminders' })
  @ApiOkResponse({ type: ReminderPageDto })
  list(@CurrentAccess() a: BusinessAccess, @Query() q: ReminderListQueryDto): Promise<ReminderPageDto> {
    return this.reminders.list(a, q);
  }

  @Get('invoices/:invoiceId/reminders')
  @BusinessPermission('invoices.read')
  @ApiOperation({ summary: 'Payment reminders sent for an invoice', operationId: 'listInvoiceReminders' })
  @ApiOkResponse({ type: ReminderHistoryDto })
  history(@CurrentAccess() a: BusinessAccess, @Param('invoiceId', new ParseUUIDPipe({ errorHttpStatusCode: 404 })) invoiceId: string): Promise<ReminderHistoryDto> {
    return this.reminders.history(a, invoiceId);
  }
}
