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
import { ErrorBodyDto } from '../../../common/error-body.dto';
import { BusinessPermission, CurrentAccess } from '../../access/access.decorators';
import type { BusinessAccess } from '../../access/principal';
import { ImportPreviewDto, ImportResultDto } from '../catalog.dto';
import { csvAttachment } from '../csv/csv-response';
import { ContactsService } from './contacts.service';
import {
  ContactDto,
  ContactFilterDto,
  ContactImportPreviewRequestDto,
  ContactImportRequestDto,
  ContactPageDto,
  CreateContactDto,
  ListContactsQueryDto,
  UpdateContactDto,
} from './dto/contact.dto';

const contactId = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

@ApiTags('contacts')
@ApiBadRequestResponse({ type: ErrorBodyDto, description: 'Validation failed; `fields` names each field' })
@Controller('businesses/:businessId/contacts')
export class ContactsController {
  constructor(private readonly contacts: ContactsService) {}

  @Get()
  @BusinessPermission('contacts.read')
  @ApiOperation({ summary: 'Customers and suppliers: search, filter, sort, page', operationId: 'listContacts' })
  @ApiOkResponse({ type: ContactPageDto })
  list(@CurrentAccess() a: BusinessAccess, @Query() q: ListContactsQueryDto) {
    return this.contacts.list(a, q);
  }

  @Post()
  @BusinessPermission('contacts.write')
  @ApiOperation({ summary: 'Add a customer or supplier', operationId: 'createContact' })
  @ApiCreatedResponse({ type: ContactDto })
  create(@CurrentAccess() a: BusinessAccess, @Body() dto: CreateContactDto) {
    return this.contacts.create(a, dto);
  }

  @Get('export.csv')
  @BusinessPermission('contacts.read')
  @ApiOperation({ summary: 'The contacts matching the list filters, as CSV', operationId: 'exportContacts' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV (UTF-8 with BOM), columns as in the import', content: { 'text/csv': { schema: { type: 'string' } } } })
  async export(@CurrentAccess() a: BusinessAccess, @Query() q: ContactFilterDto, @Res({ passthrough: true }) res: Response) {
    return csvAttachment(res, await this.contacts.exportCsv(a, q));
  }

  @Post('import/preview')
  @BusinessPermission('contacts.write')
  @HttpCode(200)
  @ApiOperation({ summary: 'Check a contacts CSV without importing: parsed rows and each row\'s errors', operationId: 'previewContactImport' })
  @ApiOkResponse({ type: ImportPreviewDto })
  preview(@CurrentAccess() a: BusinessAccess, @Body() dto: ContactImportPreviewRequestDto) {
    return this.contacts.previewImport(a, dto.csv);
  }

  @Post('import')
  @BusinessPermission('contacts.write')
  @ApiOperation({ summary: 'Import contacts from CSV, all or nothing or only the valid rows', operationId: 'importContacts' })
  @ApiCreatedResponse({ type: ImportResultDto })
  import(@CurrentAccess() a: BusinessAccess, @Body() dto: ContactImportRequestDto) {
    return this.contacts.importCsv(a, dto.csv, dto.mode);
  }

  @Get(':contactId')
  @BusinessPermission('contacts.read')
  @ApiOperation({ summary: 'One contact', operationId: 'getContact' })
  @ApiOkResponse({ type: ContactDto })
  get(@CurrentAccess() a: BusinessAccess, @Param('contactId', contactId) id: string) {
    return this.contacts.get(a, id);
  }

  @Patch(':contactId')
  @BusinessPermission('contacts.write')
  @ApiOperation({ summary: 'Change a contact; null clears an optional field', operationId: 'updateContact' })
  @ApiOkResponse({ type: ContactDto })
  update(@CurrentAccess() a: BusinessAccess, @Param('contactId', contactId) id: string, @Body() dto: UpdateContactDto) {
    return this.contacts.update(a, id, dto);
  }

  @Post(':contactId/archive')
  @BusinessPermission('contacts.write')
  @HttpCode(200)
  @ApiOperation({ summary: 'Archive a contact: hidden from lists and pickers, kept on documents', operationId: 'archiveContact' })
  @ApiOkResponse({ type: ContactDto })
  archive(@CurrentAccess() a: BusinessAccess, @Param('contactId', contactId) id: string) {
    return this.contacts.setArchived(a, id, true);
  }

  @Post(':contactId/unarchive')
  @BusinessPermission('contacts.write')
  @HttpCode(200)
  @ApiOperation({ summary: 'Bring an archived contact back', operationId: 'unarchiveContact' })
  @ApiOkResponse({ type: ContactDto })
  unarchive(@CurrentAccess() a: BusinessAccess, @Param('contactId', contactId) id: string) {
    return this.contacts.setArchived(a, id, false);
  }

  @Delete(':contactId')
  @BusinessPermission('contacts.write')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a contact no document refers to', operationId: 'deleteContact' })
  @ApiNoContentResponse()
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'CONTACT_IN_USE: documents refer to it; archive it instead' })
  async delete(@CurrentAccess() a: BusinessAccess, @Param('contactId', contactId) id: string): Promise<void> {
    await this.contacts.delete(a, id);
  }
}
