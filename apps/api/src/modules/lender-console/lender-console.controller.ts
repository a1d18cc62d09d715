import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorBodyDto } from '../../common/error-body.dto';
import { CurrentLender, LenderMember } from '../access/access.decorators';
import type { LenderAccess } from '../access/principal';
import { LenderBusinessPageDto, LenderBusinessesQueryDto } from './dto/lender-console.dto';
import { LenderConsoleService } from './lender-console.service';

@ApiTags('lender-console')
@ApiBadRequestResponse({ type: ErrorBodyDto, description: 'Validation failed; `fields` names each field' })
@Controller('lender')
export class LenderConsoleController {
  constructor(private readonly console: LenderConsoleService) {}

  @Get('businesses')
  @LenderMember()
  @ApiOperation({
    summary: 'Businesses sharing with your organisation now, newest consent first, with what each shares, why and until when; each read is in the business’s access log',
    operationId: 'listLenderBusinesses',
  })
  @ApiOkResponse({ type: LenderBusinessPageDto })
  businesses(@CurrentLender() l: LenderAccess, @Query() q: LenderBusinessesQueryDto): Promise<LenderBusinessPageDto> {
    return this.console.businesses(l, q);
  }
}
