import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiGoneResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorBodyDto } from '../../common/error-body.dto';
import { PageQueryDto } from '../../common/pagination';
import { BusinessPermission, CurrentAccess, CurrentPrincipal, Public, SignedIn } from '../access/access.decorators';
import type { BusinessAccess, Principal } from '../access/principal';
import {
  AcceptedInvitationDto,
  CreatedInvitationDto,
  CreateInvitationDto,
  InvitationPageDto,
  InvitationPreviewDto,
} from './dto/business.dto';
import { InvitationsService } from './invitations.service';

@ApiTags('businesses')
@ApiBadRequestResponse({ type: ErrorBodyDto, description: 'Validation failed; `fields` names each field' })
@Controller()
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Get('businesses/:businessId/invitations')
  @BusinessPermission('invitations.manage')
  @ApiOperation({ summary: 'Invitations, newest first', operationId: 'listInvitations' })
  @ApiOkResponse({ type: InvitationPageDto })
  list(@CurrentAccess() a: BusinessAccess, @Query() q: PageQueryDto) {
    return this.invitations.list(a, q);
  }

  @Post('businesses/:businessId/invitations')
  @BusinessPermission('invitations.manage')
  @ApiOperation({ summary: 'Invite someone by link (also emailed to them)', operationId: 'createInvitation' })
  @ApiCreatedResponse({ type: CreatedInvitationDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'ALREADY_MEMBER' })
  create(@CurrentAccess() a: BusinessAccess, @Body() dto: CreateInvitationDto) {
    return this.invitations.create(a, dto);
  }

  @Delete('businesses/:businessId/invitations/:invitationId')
  @BusinessPermission('invitations.manage')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a pending invitation', operationId: 'revokeInvitation' })
  @ApiNoContentResponse()
  async revoke(
    @CurrentAccess() a: BusinessAccess,
    @Param('invitationId', new ParseUUIDPipe({ errorHttpStatusCode: 404 })) id: string,
  ): Promise<void> {
    await this.invitations.revoke(a, id);
  }

  @Get('invitations/:token')
  @Public()
  @ApiOperation({ summary: 'What an invitation link offers', operationId: 'previewInvitation' })
  @ApiOkResponse({ type: InvitationPreviewDto })
  @ApiGoneResponse({ type: ErrorBodyDto, description: 'INVITATION_INVALID' })
  preview(@Param('token') token: string) {
    return this.invitations.preview(token);
  }

  @Post('invitations/:token/accept')
  @SignedIn()
  @HttpCode(200)
  @ApiOperation({ summary: 'Join the business with the invited role', operationId: 'acceptInvitation' })
  @ApiOkResponse({ type: AcceptedInvitationDto })
  @ApiGoneResponse({ type: ErrorBodyDto, description: 'INVITATION_INVALID' })
  accept(@CurrentPrincipal() p: Principal, @Param('token') token: string) {
    return this.invitations.accept(p, token);
  }
}
