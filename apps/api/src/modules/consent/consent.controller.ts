import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { ErrorBodyDto } from '../../common/error-body.dto';
import { BusinessPermission, CurrentAccess, RecentPassword } from '../access/access.decorators';
import type { BusinessAccess } from '../access/principal';
import { csvAttachment } from '../catalog/csv/csv-response';
import { ConsentGrantsService } from './consent-grants.service';
import {
  AccessLogFilterDto,
  AccessLogPageDto,
  AccessLogQueryDto,
  ConsentGrantDetailDto,
  ConsentGrantListQueryDto,
  ConsentGrantPageDto,
  ConsentRecipientListDto,
  CreateConsentGrantDto,
  NarrowConsentGrantDto,
  RecipientQueryDto,
  RenewConsentGrantDto,
  RevokeConsentGrantDto,
} from './dto/consent.dto';

const id = new ParseUUIDPipe({ errorHttpStatusCode: 404 });
const ENDED = { type: ErrorBodyDto, description: 'CONSENT_ENDED: the grant was revoked, replaced or has expired' };

@ApiTags('consent')
@ApiBadRequestResponse({ type: ErrorBodyDto, description: 'Validation failed; `fields` names each field' })
@Controller('businesses/:businessId/consent')
export class ConsentController {
  constructor(private readonly grants: ConsentGrantsService) {}

  @Get('recipients')
  @BusinessPermission('consent.read')
  @ApiOperation({
    summary: 'Whom the business can share with: Keeper pre-qualification and the lender organisations, with the live grant to each',
    operationId: 'listConsentRecipients',
  })
  @ApiOkResponse({ type: ConsentRecipientListDto })
  recipients(@CurrentAccess() a: BusinessAccess, @Query() q: RecipientQueryDto): Promise<ConsentRecipientListDto> {
    return this.grants.recipients(a, q);
  }

  @Get('grants')
  @BusinessPermission('consent.read')
  @ApiOperation({ summary: 'Consent grants, newest first; filter by status', operationId: 'listConsentGrants' })
  @ApiOkResponse({ type: ConsentGrantPageDto })
  list(@CurrentAccess() a: BusinessAccess, @Query() q: ConsentGrantListQueryDto): Promise<ConsentGrantPageDto> {
    return this.grants.list(a, q);
  }

  @Post('grants')
  @BusinessPermission('consent.manage')
  @RecentPassword()
  @ApiOperation({
    summary: 'Grant a lender (or Keeper pre-qualification) access to the business’s data; needs the password re-entered',
    operationId: 'createConsentGrant',
  })
  @ApiCreatedResponse({ type: ConsentGrantDetailDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'CONSENT_EXISTS: an open grant to this recipient exists and was not named to replace' })
  create(@CurrentAccess() a: BusinessAccess, @Body() dto: CreateConsentGrantDto): Promise<ConsentGrantDetailDto> {
    return this.grants.create(a, dto);
  }

  @Get('grants/:grantId')
  @BusinessPermission('consent.read')
  @ApiOperation({ summary: 'A consent grant with every version of it', operationId: 'getConsentGrant' })
  @ApiOkResponse({ type: ConsentGrantDetailDto })
  get(@CurrentAccess() a: BusinessAccess, @Param('grantId', id) grantId: string): Promise<ConsentGrantDetailDto> {
    return this.grants.get(a, grantId);
  }

  @Post('grants/:grantId/renew')
  @HttpCode(200)
  @BusinessPermission('consent.manage')
  @ApiOperation({ summary: 'Keep sharing for longer: 90 more days, or until a chosen day within a year', operationId: 'renewConsentGrant' })
  @ApiOkResponse({ type: ConsentGrantDetailDto })
  @ApiConflictResponse(ENDED)
  renew(
    @CurrentAccess() a: BusinessAccess,
    @Param('grantId', id) grantId: string,
    @Body() dto: RenewConsentGrantDto,
  ): Promise<ConsentGrantDetailDto> {
    return this.grants.renew(a, grantId, dto);
  }

  @Post('grants/:grantId/narrow')
  @HttpCode(200)
  @BusinessPermission('consent.manage')
  @ApiOperation({ summary: 'Share less from now on: remove scopes or shorten the lookback', operationId: 'narrowConsentGrant' })
  @ApiOkResponse({ type: ConsentGrantDetailDto })
  @ApiConflictResponse(ENDED)
  narrow(
    @CurrentAccess() a: BusinessAccess,
    @Param('grantId', id) grantId: string,
    @Body() dto: NarrowConsentGrantDto,
  ): Promise<ConsentGrantDetailDto> {
    return this.grants.narrow(a, grantId, dto);
  }

  @Post('grants/:grantId/revoke')
  @HttpCode(200)
  @BusinessPermission('consent.manage')
  @ApiOperation({ summary: 'Stop sharing now; the recipient’s next request is refused', operationId: 'revokeConsentGrant' })
  @ApiOkResponse({ type: ConsentGrantDetailDto })
  @ApiConflictResponse(ENDED)
  revoke(
    @CurrentAccess() a: BusinessAccess,
    @Param('grantId', id) grantId: string,
    @Body() dto: RevokeConsentGrantDto,
  ): Promise<ConsentGrantDetailDto> {
    return this.grants.revoke(a, grantId, dto);
  }

  @Get('access-log')
  @BusinessPermission('consent.read')
  @ApiOperation({
    summary: 'Every access from outside the business, allowed or refused, newest first; filter by grant, lender, scope or outcome',
    operationId: 'listConsentAccessLog',
  })
  @ApiOkResponse({ type: AccessLogPageDto })
  accessLog(@CurrentAccess() a: BusinessAccess, @Query() q: AccessLogQueryDto): Promise<AccessLogPageDto> {
    return this.grants.accessLog(a, q);
  }

  @Get('access-log/export.csv')
  @BusinessPermission('consent.read')
  @ApiOperation({ summary: 'The access log matching the filters, as CSV', operationId: 'exportConsentAccessLog' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV (UTF-8 with BOM)', content: { 'text/csv': { schema: { type: 'string' } } } })
  async export(@CurrentAccess() a: BusinessAccess, @Query() q: AccessLogFilterDto, @Res({ passthrough: true }) res: Response) {
    return csvAttachment(res, await this.grants.exportAccessLog(a, q));
  }
}
