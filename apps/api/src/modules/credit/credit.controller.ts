import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { ErrorBodyDto } from '../../common/error-body.dto';
import { BusinessPermission, CurrentAccess } from '../access/access.decorators';
import type { BusinessAccess } from '../access/principal';
import { CreditViewService } from './credit-view.service';
import {
  CreditHistoryDto,
  CreditHistoryQueryDto,
  CreditProfileStatusDto,
  CreditProfileViewDto,
  CreditSnapshotPageDto,
  CreditSnapshotQueryDto,
} from './dto/credit.dto';

@ApiTags('credit')
@ApiBadRequestResponse({ type: ErrorBodyDto, description: 'Validation failed; `fields` names each field' })
@Controller('businesses/:businessId/credit-profile')
export class CreditController {
  constructor(private readonly view: CreditViewService) {}

  @Get()
  @BusinessPermission('credit.read')
  @ApiOperation({
    summary: 'The business’s latest credit profile: score, grade, probability of default, reasons, every ratio, features, signals, data freshness, and who can read it',
    operationId: 'getCreditProfile',
  })
  @ApiOkResponse({ type: CreditProfileViewDto })
  get(@CurrentAccess() a: BusinessAccess): Promise<CreditProfileViewDto> {
    return this.view.view(a);
  }

  @Get('history')
  @BusinessPermission('credit.read')
  @ApiOperation({ summary: 'The score at the end of each day with a computation, for the last `days` days', operationId: 'getCreditHistory' })
  @ApiOkResponse({ type: CreditHistoryDto })
  history(@CurrentAccess() a: BusinessAccess, @Query() q: CreditHistoryQueryDto): Promise<CreditHistoryDto> {
    return this.view.history(a, q);
  }

  @Get('snapshots')
  @BusinessPermission('credit.read')
  @ApiOperation({ summary: 'Every stored computation of the profile, newest first (immutable snapshots)', operationId: 'listCreditSnapshots' })
  @ApiOkResponse({ type: CreditSnapshotPageDto })
  snapshots(@CurrentAccess() a: BusinessAccess, @Query() q: CreditSnapshotQueryDto): Promise<CreditSnapshotPageDto> {
    return this.view.snapshots(a, q);
  }

  @Post('refresh')
  @HttpCode(202)
  @BusinessPermission('credit.refresh')
  @ApiOperation({
    summary: 'Recompute the profile now (it is recomputed after every change of the books anyway); at most once a minute',
    operationId: 'refreshCreditProfile',
  })
  @ApiAcceptedResponse({ type: CreditProfileStatusDto })
  @ApiTooManyRequestsResponse({ type: ErrorBodyDto, description: 'RATE_LIMITED: asked less than a minute ago; see Retry-After' })
  refresh(@CurrentAccess() a: BusinessAccess): Promise<CreditProfileStatusDto> {
    return this.view.refresh(a);
  }
}
