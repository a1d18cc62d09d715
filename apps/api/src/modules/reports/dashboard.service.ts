import { Injectable } from '@nestjs/common';
import { moneyDto } from '../../common/money.dto';
import { Db } from '../../db/db';
import type { BusinessAccess } from '../access/principal';
import { LedgerService } from '../ledger/ledger.service';
import type { DashboardDto } from './dto/dashboard.dto';
import { addDays } from '../../common/dates';
import { monthStartAfter, startOfMonth } from './report-period';
import { ReportsRepository } from './reports.repository';

/** The revenue chart covers two years, so this year can be read against the last; top customers, one. */
const REVENUE_MONTHS = 24;
const TOP_CUSTOMER_MONTHS = 12;
const CASH_DAYS = 30;
const TOP_CUSTOMERS = 5;

/** "How is my business doing": the figures the owner app opens with, for every role. */
@Injectable()
export class DashboardService {
  constructor(
    private readonly db: Db,
    private readonly ledger: LedgerService,
    private readonly reports: ReportsRepository,
  ) {}

  get(access: BusinessAccess): Promise<DashboardDto> {
    return this.db.tenant(access.businessId, async (t) => {
      const base = await this.ledger.baseCurrency(t);
      const today = await this.ledger.today(t);
      const firstMonth = monthStartAfter(today, -(REVENUE_MONTHS - 1));
      const topFrom = monthStartAfter(today, -(TOP_CUSTOMER_MONTHS - 1));
      const cashPeriod = { from: addDays(today, -(CASH_DAYS - 1)), to: today };
      const m = (v: bigint | string) => moneyDto(v, base);

      const revenue = await this.reports.revenueByMonth(t, firstMonth, startOfMonth(today), today);
      const receivables = await this.reports.receivablesSummary(t, today);
      const payables = await this.reports.payablesSummary(t, today, base);
      const cash = await this.reports.cashFlow(t, cashPeriod);
      const top = await this.reports.topCustomers(t, { from: topFrom, to: today }, base, TOP_CUSTOMERS);
      return {
        today,
        currency: base,
        revenueByMonth: revenue.map((r) => ({ month: r.month, amount: m(r.amount) })),
        receivables: {
          outstanding: m(receivables.outstanding),
          outstandingCount: receivables.outstandingCount,
          overdue: m(receivables.overdue),
          overdueCount: receivables.overdueCount,
        },
        payables: {
          outstanding: m(payables.outstanding),
          outstandingCount: payables.outstandingCount,
          overdue: m(payables.overdue),
          overdueCount: payables.overdueCount,
        },
        cash: {
          ...cashPeriod,
          cashIn: m(cash.cashIn),
          cashOut: m(cash.cashOut),
          net: m(BigInt(cash.cashIn) - BigInt(cash.cashOut)),
        },
        topCustomers: top.map((c) => ({
          contact: { id: c.contactId, name: c.name },
          revenue: m(c.revenue),
          invoiceCount: c.invoiceCount,
        })),
      };
    });
  }
}
