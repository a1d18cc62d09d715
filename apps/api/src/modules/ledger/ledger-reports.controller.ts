import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorBodyDto } from '../../common/error-body.dto';
import { BusinessPermission, CurrentAccess } from '../access/access.decorators';
import type { BusinessAccess } from '../access/principal';
import { GeneralLedgerDto, GeneralLedgerQueryDto, TrialBalanceDto, TrialBalanceQueryDto } from './dto/report.dto';
import { LedgerReportsService } from './ledger-reports.service';

const uuid = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

@ApiTags('ledger')
@ApiBadRequestResponse({ type: ErrorBodyDto, description: 'Validation failed; `fields` names each field' })
@Controller('businesses/:businessId')
export class LedgerReportsController {
  constructor(private readonly reports: LedgerReportsService) {}

  @Get('ledger/accounts/:accountId')
  @BusinessPermission('ledger.read')
  @ApiOperation({
    summary: 'General ledger of one account: opening balance, lines with running balance, closing balance',
    operationId: 'getGeneralLedger',
  })
  @ApiOkResponse({ type: GeneralLedgerDto })
  generalLedger(
    @CurrentAccess() a: BusinessAccess,
    @Param('accountId', uuid) accountId: string,
    @Query() q: GeneralLedgerQueryDto,
  ): Promise<GeneralLedgerDto> {
    return this.reports.generalLedger(a, accountId, q);
  }

  @Get('reports/trial-balance')
  @BusinessPermission('ledger.read')
  @ApiOperation({ summary: 'Trial balance in the base currency as of a date', operationId: 'getTrialBalance' })
  @ApiOkResponse({ type: TrialBalanceDto })
  trialBalance(@CurrentAccess() a: BusinessAccess, @Query() q: TrialBalanceQueryDto): Promise<TrialBalanceDto> {
    return this.reports.trialBalance(a, q);
  }
}
