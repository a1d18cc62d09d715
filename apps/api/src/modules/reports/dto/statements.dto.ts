import { ApiProperty } from '@nestjs/swagger';
import { MoneyDto } from '../../../common/money.dto';
import { ACCOUNT_SUBTYPES, ACCOUNT_TYPES } from '../../ledger/chart';
import { PeriodDto } from './report-query.dto';

export class ReportAccountDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '4000' }) code: string;
  @ApiProperty({ example: 'Sales' }) name: string;
  @ApiProperty({ enum: ACCOUNT_TYPES }) type: string;
  @ApiProperty({ enum: Object.values(ACCOUNT_SUBTYPES).flat(), example: 'operating_income' }) subtype: string;
}

export class ProfitAndLossLineDto {
  @ApiProperty({ type: ReportAccountDto }) account: ReportAccountDto;
  @ApiProperty({
    type: MoneyDto,
    description: 'Net movement in the period, positive on the normal side of the section (income as credits, expenses as debits)',
  })
  amount: MoneyDto;
  @ApiProperty({ type: MoneyDto, nullable: true, description: 'The same for the comparison period; null without `compare`' })
  previousAmount: MoneyDto | null;
}

export class ProfitAndLossSectionDto {
  @ApiProperty({ type: [ProfitAndLossLineDto], description: 'Accounts with a non-zero amount in either period, by code' })
  lines: ProfitAndLossLineDto[];
  @ApiProperty({ type: MoneyDto }) total: MoneyDto;
  @ApiProperty({ type: MoneyDto, nullable: true }) previousTotal: MoneyDto | null;
}

export class ProfitAndLossDto {
  @ApiProperty({ example: '2025-03-01' }) from: string;
  @ApiProperty({ example: '2025-03-31' }) to: string;
  @ApiProperty({ example: 'USD', description: 'The base currency every amount is stated in' }) currency: string;
  @ApiProperty({ type: PeriodDto, nullable: true, description: 'The comparison period, or null' })
  previousPeriod: PeriodDto | null;
  @ApiProperty({ type: ProfitAndLossSectionDto, description: 'All income accounts; contra-income (discounts) is negative' })
  income: ProfitAndLossSectionDto;
  @ApiProperty({ type: ProfitAndLossSectionDto, description: 'Expense accounts of subtype cost_of_sales' })
  costOfSales: ProfitAndLossSectionDto;
  @ApiProperty({ type: MoneyDto, description: 'income − costOfSales' }) grossProfit: MoneyDto;
  @ApiProperty({ type: MoneyDto, nullable: true }) previousGrossProfit: MoneyDto | null;
  @ApiProperty({ type: ProfitAndLossSectionDto, description: 'All other expense accounts' })
  expenses: ProfitAndLossSectionDto;
  @ApiProperty({ type: MoneyDto, description: 'grossProfit − expenses; negative is a loss' }) netProfit: MoneyDto;
  @ApiProperty({ type: MoneyDto, nullable: true }) previousNetProfit: MoneyDto | null;
}

export class BalanceSheetLineDto {
  @ApiProperty({
    type: ReportAccountDto,
    nullable: true,
    description: 'The account, or null for a computed line (earnings not yet closed to retained earnings)',
  })
  account: ReportAccountDto | null;
  @ApiProperty({ example: 'Bank account' }) name: string;
  @ApiProperty({
    type: MoneyDto,
    description: 'Balance, positive on the normal side of the section (assets debit, liabilities and equity credit)',
  })
  amount: MoneyDto;
}

export class BalanceSheetSectionDto {
  @ApiProperty({ type: [BalanceSheetLineDto] }) lines: BalanceSheetLineDto[];
  @ApiProperty({ type: MoneyDto }) total: MoneyDto;
}

export class BalanceSheetDto {
  @ApiProperty({ example: '2025-03-31' }) asOf: string;
  @ApiProperty({ example: 'USD', description: 'The base currency every amount is stated in' }) currency: string;
  @ApiProperty({ example: '2025-01-01', description: 'First day of the financial year containing asOf (calendar years)' })
  yearStart: string;
  @ApiProperty({ type: BalanceSheetSectionDto }) assets: BalanceSheetSectionDto;
  @ApiProperty({ type: BalanceSheetSectionDto }) liabilities: BalanceSheetSectionDto;
  @ApiProperty({
    type: BalanceSheetSectionDto,
    description: 'Equity accounts, then earnings of earlier years not yet closed (if any) and current-year earnings',
  })
  equity: BalanceSheetSectionDto;
  @ApiProperty({ type: MoneyDto, description: 'Income − expenses from yearStart to asOf (also a line of equity)' })
  currentYearEarnings: MoneyDto;
  @ApiProperty({ type: MoneyDto, description: 'Income − expenses before yearStart not closed to retained earnings' })
  priorYearsEarnings: MoneyDto;
  @ApiProperty({ type: MoneyDto, description: 'liabilities.total + equity.total' }) totalLiabilitiesAndEquity: MoneyDto;
  @ApiProperty({ description: 'assets.total equals totalLiabilitiesAndEquity (always, for a balanced journal)' })
  balanced: boolean;
}
