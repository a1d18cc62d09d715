import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorBodyDto } from '../../common/error-body.dto';
import { PageQueryDto } from '../../common/pagination';
import { BusinessPermission, CurrentAccess, CurrentPrincipal, SignedIn } from '../access/access.decorators';
import type { BusinessAccess, Principal } from '../access/principal';
import { BusinessesService } from './businesses.service';
import {
  BusinessDto,
  ChangeRoleDto,
  CreateBusinessDto,
  MemberDto,
  MemberPageDto,
  UpdateBusinessDto,
} from './dto/business.dto';

const uuid = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

@ApiTags('businesses')
@ApiBadRequestResponse({ type: ErrorBodyDto, description: 'Validation failed; `fields` names each field' })
@Controller('businesses')
export class BusinessesController {
  constructor(private readonly businesses: BusinessesService) {}

  @Post()
  @SignedIn()
  @ApiOperation({ summary: 'Create a business; you become its owner', operationId: 'createBusiness' })
  @ApiCreatedResponse({ type: BusinessDto })
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateBusinessDto): Promise<BusinessDto> {
    return this.businesses.create(p, dto);
  }

  @Get(':businessId')
  @BusinessPermission('business.read')
  @ApiOperation({ summary: 'A business you belong to', operationId: 'getBusiness' })
  @ApiOkResponse({ type: BusinessDto })
  get(@CurrentAccess() a: BusinessAccess): Promise<BusinessDto> {
    return this.businesses.get(a);
  }

  @Patch(':businessId')
  @BusinessPermission('business.update')
  @ApiOperation({ summary: 'Change the business profile', operationId: 'updateBusiness' })
  @ApiOkResponse({ type: BusinessDto })
  update(@CurrentAccess() a: BusinessAccess, @Body() dto: UpdateBusinessDto): Promise<BusinessDto> {
    return this.businesses.update(a, dto);
  }

  @Get(':businessId/members')
  @BusinessPermission('members.read')
  @ApiOperation({ summary: 'Members of the business, oldest first', operationId: 'listMembers' })
  @ApiOkResponse({ type: MemberPageDto })
  members(@CurrentAccess() a: BusinessAccess, @Query() q: PageQueryDto) {
    return this.businesses.listMembers(a, q);
  }

  @Patch(':businessId/members/:membershipId')
  @BusinessPermission('members.manage')
  @ApiOperation({ summary: "Change a member's role", operationId: 'changeMemberRole' })
  @ApiOkResponse({ type: MemberDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'LAST_OWNER' })
  changeRole(@CurrentAccess() a: BusinessAccess, @Param('membershipId', uuid) id: string, @Body() dto: ChangeRoleDto) {
    return this.businesses.changeRole(a, id, dto.role);
  }

  @Delete(':businessId/members/:membershipId')
  @BusinessPermission('members.manage')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a member', operationId: 'removeMember' })
  @ApiNoContentResponse()
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'LAST_OWNER' })
  async remove(@CurrentAccess() a: BusinessAccess, @Param('membershipId', uuid) id: string): Promise<void> {
    await this.businesses.removeMember(a, id);
  }
}
