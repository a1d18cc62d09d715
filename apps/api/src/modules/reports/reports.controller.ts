import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ErrorBodyDto } from '../../common/error-body.dto';
import { BusinessPermission, CurrentAccess } from '../access/access.decorators';
import type { BusinessAccess } from '../access/principal';
import { csvAttachment } from '../catalog/csv/csv-response';
import { TrialBalanceQueryDto } from '../ledger/dto/report.dto';
import { ApAgingDto, ArAgingDto, CashReceivedDto } from './dto/receivables.dto';
import { AsOfQueryDto, PeriodQueryDto, ProfitAndLossQueryDto } from './dto/report-query.dto';
import { BalanceSheetDto, ProfitAndLossDto } from './dto/statements.dto';
import { ReportsService } from './reports.service';

const csv = (what: string) =>
  ApiOkResponse({
    description: `${what} as CSV (UTF-8 with BOM), amounts as decimal strings in the base currency`,
    content: { 'text/csv': { schema: { type: 'string' } } },
  });

/** Financial reports in the base currency; each also as `<path>.csv`. The trial balance JSON lives in the ledger module. */
@ApiTags('reports')
@ApiBadRequestResponse({ type: ErrorBodyDto, description: 'Validation failed; `fields` names each field' })
@Controller('businesses/:businessId/reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('profit-and-loss')
  @BusinessPermission('reports.read')
  @ApiOperation({ summary: 'Profit and loss for a date range, optionally compared with the previous period', operationId: 'getProfitAndLoss' })
  @ApiOkResponse({ type: ProfitAndLossDto })
  profitAndLoss(@CurrentAccess() a: BusinessAccess, @Query() q: ProfitAndLossQueryDto): Promise<ProfitAndLossDto> {
    return this.reports.profitAndLoss(a, q);
  }

  @Get('profit-and-loss.csv')
  @BusinessPermission('reports.read')
  @ApiOperation({ summary: 'Profit and loss as CSV', operationId: 'exportProfitAndLoss' })
  @ApiProduces('text/csv')
  @csv('Profit and loss')
  async profitAndLossCsv(@CurrentAccess() a: BusinessAccess, @Query() q: ProfitAndLossQueryDto, @Res({ passthrough: true }) res: Response) {
    return csvAttachment(res, await this.reports.profitAndLossCsv(a, q));
  }

  @Get('balance-sheet')
  @BusinessPermission('reports.read')
  @ApiOperation({ summary: 'Balance sheet as of a date; assets = liabilities + equity', operationId: 'getBalanceSheet' })
  @ApiOkResponse({ type: BalanceSheetDto })
  balanceSheet(@CurrentAccess() a: BusinessAccess, @Query() q: AsOfQueryDto): Promise<BalanceSheetDto> {
    return this.reports.balanceSheet(a, q);
  }

  @Get('balance-sheet.csv')
  @BusinessPermission('reports.read')
  @ApiOperation({ summary: 'Balance sheet as CSV', operationId: 'exportBalanceSheet' })
  @ApiProduces('text/csv')
  @csv('Balance sheet')
  async balanceSheetCsv(@CurrentAccess() a: BusinessAccess, @Query() q: AsOfQueryDto, @Res({ passthrough: true }) res: Response) {
    return csvAttachment(res, await this.reports.balanceSheetCsv(a, q));
  }

  @Get('ar-aging')
  @BusinessPermission('reports.read')
  @ApiOperation({ summary: 'Receivables aging per customer as of a date: current, 1–30, 31–60, 61–90, 90+ days past due', operationId: 'getArAging' })
  @ApiOkResponse({ type: ArAgingDto })
  arAging(@CurrentAccess() a: BusinessAccess, @Query() q: AsOfQueryDto): Promise<ArAgingDto> {
    return this.reports.arAging(a, q);
  }

  @Get('ar-aging.csv')
  @BusinessPermission('reports.read')
  @ApiOperation({ summary: 'Receivables aging as CSV', operationId: 'exportArAging' })
  @ApiProduces('text/csv')
  @csv('Receivables aging')
  async arAgingCsv(@CurrentAccess() a: BusinessAccess, @Query() q: AsOfQueryDto, @Res({ passthrough: true }) res: Response) {
    return csvAttachment(res, await this.reports.arAgingCsv(a, q));
  }

  @Get('ap-aging')
  @BusinessPermission('reports.read')
  @ApiOperation({
    summary: 'Payables aging per supplier as of a date (bills and on-account expenses): current, 1–30, 31–60, 61–90, 90+ days past due',
    operationId: 'getApAging',
  })
  @ApiOkResponse({ type: ApAgingDto })
  apAging(@CurrentAccess() a: BusinessAccess, @Query() q: AsOfQueryDto): Promise<ApAgingDto> {
    return this.reports.apAging(a, q);
  }

  @Get('ap-aging.csv')
  @BusinessPermission('reports.read')
  @ApiOperation({ summary: 'Payables aging as CSV', operationId: 'exportApAging' })
  @ApiProduces('text/csv')
  @csv('Payables aging')
  async apAgingCsv(@CurrentAccess() a: BusinessAccess, @Query() q: AsOfQueryDto, @Res({ passthrough: true }) res: Response) {
    return csvAttachment(res, await this.reports.apAgingCsv(a, q));
  }

  @Get('cash-received')
  @BusinessPermission('reports.read')
  @ApiOperation({ summary: 'Money received into cash and bank accounts per day over a date range', operationId: 'getCashReceived' })
  @ApiOkResponse({ type: CashReceivedDto })
  cashReceived(@CurrentAccess() a: BusinessAccess, @Query() q: PeriodQueryDto): Promise<CashReceivedDto> {
    return this.reports.cashReceived(a, q);
  }

  @Get('cash-received.csv')
  @BusinessPermission('reports.read')
  @ApiOperation({ summary: 'Cash received as CSV', operationId: 'exportCashReceived' })
  @ApiProduces('text/csv')
  @csv('Cash received')
  async cashReceivedCsv(@CurrentAccess() a: BusinessAccess, @Query() q: PeriodQueryDto, @Res({ passthrough: true }) res: Response) {
    return csvAttachment(res, await this.reports.cashReceivedCsv(a, q));
  }

  // Same permission as the JSON trial balance (GET reports/trial-balance in the ledger module).
  @Get('trial-balance.csv')
  @BusinessPermission('ledger.read')
  @ApiOperation({ summary: 'Trial balance as CSV', operationId: 'exportTrialBalance' })
  @ApiProduces('text/csv')
  @csv('Trial balance')
  async trialBalanceCsv(@CurrentAccess() a: BusinessAccess, @Query() q: TrialBalanceQueryDto, @Res({ passthrough: true }) res: Response) {
    return csvAttachment(res, await this.reports.trialBalanceCsv(a, q));
  }
}
