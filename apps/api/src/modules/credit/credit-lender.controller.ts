import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ErrorBodyDto } from '../../common/error-body.dto';
import { CurrentLender, LenderMember } from '../access/access.decorators';
import type { LenderAccess } from '../access/principal';
import { CreditViewService } from './credit-view.service';
import { LenderCreditProfileDto } from './dto/credit.dto';

@ApiTags('lender-console')
@Controller('lender/businesses')
export class CreditLenderController {
  constructor(private readonly view: CreditViewService) {}

  @Get(':businessId/profile')
  @LenderMember()
  @ApiParam({ name: 'businessId', format: 'uuid' })
  @ApiOperation({
    summary: 'A consenting business’s latest credit profile (score, PD, grade, reasons, model version, data freshness); needs a live grant with the profile scope, and every read, allowed or refused, is in the business’s access log',
    operationId: 'getLenderBusinessProfile',
  })
  @ApiOkResponse({ type: LenderCreditProfileDto })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: 'CONSENT_REFUSED: no live grant to your organisation covers the profile (revoked, expired, replaced, or never given)' })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'No profile has been computed yet' })
  profile(@CurrentLender() l: LenderAccess, @Param('businessId', new ParseUUIDPipe({ errorHttpStatusCode: 404 })) businessId: string): Promise<LenderCreditProfileDto> {
    return this.view.lenderProfile(l, businessId);
  }
}
