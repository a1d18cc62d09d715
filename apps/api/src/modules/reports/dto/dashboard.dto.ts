import { ApiProperty } from '@nestjs/swagger';
import { MoneyDto } from '../../../common/money.dto';
import { ReportContactDto } from './receivables.dto';

export class RevenueMonthDto {
  @ApiProperty({ example: '2025-03', description: 'Calendar month, YYYY-MM' }) month: string;
  @ApiProperty({ type: MoneyDto, description: 'Operating income (sales) net of discounts and reversals; zero when none' })
  amount: MoneyDto;
}

export class ReceivablesSummaryDto {
  @ApiProperty({ type: MoneyDto, description: 'Everything customers owe on issued invoices' }) outstanding: MoneyDto;
  @ApiProperty({ example: 12 }) outstandingCount: number;
  @ApiProperty({ type: MoneyDto, description: 'The part of outstanding past its due date' }) overdue: MoneyDto;
  @ApiProperty({ example: 3 }) overdueCount: number;
}

export class PayablesSummaryDto {
  @ApiProperty({ type: MoneyDto, description: 'Everything owed to suppliers on posted bills and on-account expenses' }) outstanding: MoneyDto;
  @ApiProperty({ example: 4 }) outstandingCount: number;
  @ApiProperty({ type: MoneyDto, description: 'The part of outstanding past its due date' }) overdue: MoneyDto;
  @ApiProperty({ example: 1 }) overdueCount: number;
}

export class CashFlowSummaryDto {
  @ApiProperty({ example: '2025-03-02' }) from: string;
  @ApiProperty({ example: '2025-03-31' }) to: string;
  @ApiProperty({ type: MoneyDto, description: 'Money into cash and bank accounts' }) cashIn: MoneyDto;
  @ApiProperty({ type: MoneyDto, description: 'Money out of cash and bank accounts, unsigned' }) cashOut: MoneyDto;
  @ApiProperty({ type: MoneyDto, description: 'cashIn − cashOut' }) net: MoneyDto;
}

export class TopCustomerDto {
  @ApiProperty({ type: ReportContactDto }) contact: ReportContactDto;
  @ApiProperty({
    type: MoneyDto,
    description: 'Sales before tax net of credit notes: invoices issued in the window less credit notes dated in it, at their rates',
  })
  revenue: MoneyDto;
  @ApiProperty({ example: 4, description: 'Invoices issued in the window (not void)' }) invoiceCount: number;
}

export class DashboardDto {
  @ApiProperty({ example: '2025-03-31', description: 'Today in the business time zone' }) today: string;
  @ApiProperty({ example: 'USD', description: 'The base currency every amount is stated in' }) currency: string;
  @ApiProperty({ type: [RevenueMonthDto], description: 'The last 24 calendar months including this one, oldest first' })
  revenueByMonth: RevenueMonthDto[];
  @ApiProperty({ type: ReceivablesSummaryDto }) receivables: ReceivablesSummaryDto;
  @ApiProperty({ type: PayablesSummaryDto }) payables: PayablesSummaryDto;
  @ApiProperty({ type: CashFlowSummaryDto, description: 'The last 30 days including today' }) cash: CashFlowSummaryDto;
  @ApiProperty({
    type: [TopCustomerDto],
    description: 'Up to 5 customers with the most sales net of credit notes over the last 12 months (issued, not void)',
  })
  topCustomers: TopCustomerDto[];
}
