import { Injectable } from '@nestjs/common';
import type { CurrencyCode } from '@keeper/money';
import { moneyDto, type MoneyDto } from '../../common/money.dto';
import { Db } from '../../db/db';
import type { BusinessAccess } from '../access/principal';
import type { TrialBalanceQueryDto } from '../ledger/dto/report.dto';
import { LedgerReportsService } from '../ledger/ledger-reports.service';
import { LedgerService } from '../ledger/ledger.service';
import type { AgingBucketsDto, ApAgingDto, ArAgingDto, CashReceivedDto } from './dto/receivables.dto';
import type { AsOfQueryDto, PeriodQueryDto, ProfitAndLossQueryDto } from './dto/report-query.dto';
import type {
  BalanceSheetDto,
  BalanceSheetLineDto,
  ProfitAndLossDto,
  ProfitAndLossSectionDto,
  ReportAccountDto,
} from './dto/statements.dto';
import { apAgingCsv, arAgingCsv, balanceSheetCsv, cashReceivedCsv, type CsvFile, profitAndLossCsv, trialBalanceCsv } from './reports.csv';
import { previousPeriod, resolvePeriod, startOfYear } from './report-period';
import { AccountAmountRow, AgingRow, ReportsRepository } from './reports.repository';

const accountOf = (r: AccountAmountRow): ReportAccountDto => ({
  id: r.id,
  code: r.code,
  name: r.name,
  type: r.type,
  subtype: r.subtype,
});

/** Profit and loss, balance sheet, receivables aging and cash received, in the base currency. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly db: Db,
    private readonly ledger: LedgerService,
    private readonly reports: ReportsRepository,
    private readonly ledgerReports: LedgerReportsService,
  ) {}

  async profitAndLossCsv(access: BusinessAccess, q: ProfitAndLossQueryDto): Promise<CsvFile> {
    return profitAndLossCsv(await this.profitAndLoss(access, q));
  }

  async balanceSheetCsv(access: BusinessAccess, q: AsOfQueryDto): Promise<CsvFile> {
    return balanceSheetCsv(await this.balanceSheet(access, q));
  }

  async arAgingCsv(access: BusinessAccess, q: AsOfQueryDto): Promise<CsvFile> {
    return arAgingCsv(await this.arAging(access, q));
  }

  async cashReceivedCsv(access: BusinessAccess, q: PeriodQueryDto): Promise<CsvFile> {
    return cashReceivedCsv(await this.cashReceived(access, q));
  }

  /** The ledger module's trial balance, as CSV like the other reports. */
  async trialBalanceCsv(access: BusinessAccess, q: TrialBalanceQueryDto): Promise<CsvFile> {
    return trialBalanceCsv(await this.ledgerReports.trialBalance(access, q));
  }

  profitAndLoss(access: BusinessAccess, q: ProfitAndLossQueryDto): Promise<ProfitAndLossDto> {
    return this.db.tenant(access.businessId, async (t) => {
      const base = await this.ledger.baseCurrency(t);
      const period = resolvePeriod(q, await this.ledger.today(t));
      const previous = q.compare === 'previous-period' ? previousPeriod(period) : null;
      const rows = await this.reports.incomeStatement(t, period, previous);
      const m = (v: bigint) => moneyDto(v, base);
      const mOrNull = (v: bigint) => (previous ? m(v) : null);

      const section = (pick: (r: AccountAmountRow) => boolean) => {
        let total = 0n;
        let previousTotal = 0n;
        const lines = rows.filter(pick).map((r) => {
          // Income is credit-normal, so its (debit-positive) movement is negated to read positive.
          const sign = r.type === 'income' ? -1n : 1n;
          const amount = sign * BigInt(r.amount);
          const before = sign * BigInt(r.other);
          total += amount;
          previousTotal += before;
          return { account: accountOf(r), amount: m(amount), previousAmount: mOrNull(before) };
        });
        return { dto: { lines, total: m(total), previousTotal: mOrNull(previousTotal) } satisfies ProfitAndLossSectionDto, total, previousTotal };
      };
      const income = section((r) => r.type === 'income');
      const costOfSales = section((r) => r.type === 'expense' && r.subtype === 'cost_of_sales');
      const expenses = section((r) => r.type === 'expense' && r.subtype !== 'cost_of_sales');
      const gross = income.total - costOfSales.total;
      const previousGross = income.previousTotal - costOfSales.previousTotal;
      return {
        from: period.from,
        to: period.to,
        currency: base,
        previousPeriod: previous,
        income: income.dto,
        costOfSales: costOfSales.dto,
        grossProfit: m(gross),
        previousGrossProfit: mOrNull(previousGross),
        expenses: expenses.dto,
        netProfit: m(gross - expenses.total),
        previousNetProfit: mOrNull(previousGross - expenses.previousTotal),
      };
    });
  }

  /**
   * Assets = liabilities + equity, exactly: income and expense accounts are never closed in Keeper,
   * so their balances appear in equity as earnings (of earlier years, and of the current year).
   */
  balanceSheet(access: BusinessAccess, q: AsOfQueryDto): Promise<BalanceSheetDto> {
    return this.db.tenant(access.businessId, async (t) => {
      const base = await this.ledger.baseCurrency(t);
      const asOf = q.asOf ?? (await this.ledger.today(t));
      const yearStart = startOfYear(asOf);
      const rows = await this.reports.balances(t, asOf, yearStart);
      const m = (v: bigint) => moneyDto(v, base);

      const section = (type: 'asset' | 'liability' | 'equity') => {
        const sign = type === 'asset' ? 1n : -1n;
        let total = 0n;
        const lines: BalanceSheetLineDto[] = rows
          .filter((r) => r.type === type && BigInt(r.amount) !== 0n)
          .map((r) => {
            const amount = sign * BigInt(r.amount);
            total += amount;
            return { account: accountOf(r), name: r.name, amount: m(amount) };
          });
        return { lines, total };
      };
      const assets = section('asset');
      const liabilities = section('liability');
      const equity = section('equity');

      let priorYears = 0n;
      let currentYear = 0n;
      for (const r of rows) {
        if (r.type !== 'income' && r.type !== 'expense') continue;
        // Earnings are credit-positive: income minus expenses.
        priorYears -= BigInt(r.other);
        currentYear -= BigInt(r.amount) - BigInt(r.other);
      }
      if (priorYears !== 0n) equity.lines.push({ account: null, name: 'Earnings of earlier years (not closed)', amount: m(priorYears) });
      equity.lines.push({ account: null, name: 'Current year earnings', amount: m(currentYear) });
      equity.total += priorYears + currentYear;

      const liabilitiesAndEquity = liabilities.total + equity.total;
      return {
        asOf,
        currency: base,
        yearStart,
        assets: { lines: assets.lines, total: m(assets.total) },
        liabilities: { lines: liabilities.lines, total: m(liabilities.total) },
        equity: { lines: equity.lines, total: m(equity.total) },
        currentYearEarnings: m(currentYear),
        priorYearsEarnings: m(priorYears),
        totalLiabilitiesAndEquity: m(liabilitiesAndEquity),
        balanced: assets.total === liabilitiesAndEquity,
      };
    });
  }

  arAging(access: BusinessAccess, q: AsOfQueryDto): Promise<ArAgingDto> {
    return this.aging(access, q, 'receivable').then(({ contacts, ...r }) => ({ ...r, customers: contacts }));
  }

  /** Payables aging: posted bills and expenses owed on account, per supplier, as they stood on the day. */
  apAging(access: BusinessAccess, q: AsOfQueryDto): Promise<ApAgingDto> {
    return this.aging(access, q, 'payable').then(({ contacts, ...r }) => ({ ...r, suppliers: contacts }));
  }

  async apAgingCsv(access: BusinessAccess, q: AsOfQueryDto): Promise<CsvFile> {
    return apAgingCsv(await this.apAging(access, q));
  }

  private aging(access: BusinessAccess, q: AsOfQueryDto, side: 'receivable' | 'payable') {
    return this.db.tenant(access.businessId, async (t) => {
      const base = await this.ledger.baseCurrency(t);
      const asOf = q.asOf ?? (await this.ledger.today(t));
      const rows =
        side === 'receivable' ? await this.reports.agingByCustomer(t, asOf) : await this.reports.payablesAgingBySupplier(t, asOf, base);
      const totals = { current: 0n, days1To30: 0n, days31To60: 0n, days61To90: 0n, over90: 0n, total: 0n, invoiceCount: 0 };
      const contacts = rows.map((r) => {
        for (const k of BUCKETS) totals[k] += BigInt(r[k]);
        totals.invoiceCount += r.invoiceCount;
        return { contact: { id: r.contactId, name: r.name }, ...bucketsDto(r, base) };
      });
      return { asOf, currency: base, contacts, totals: bucketsDto(totals, base) };
    });
  }

  cashReceived(access: BusinessAccess, q: PeriodQueryDto): Promise<CashReceivedDto> {
    return this.db.tenant(access.businessId, async (t) => {
      const base = await this.ledger.baseCurrency(t);
      const period = resolvePeriod(q, await this.ledger.today(t));
      const days = await this.reports.cashReceivedByDay(t, period);
      const total = days.reduce((s, d) => s + BigInt(d.amount), 0n);
      return {
        ...period,
        currency: base,
        days: days.map((d) => ({ date: d.date, amount: moneyDto(d.amount, base) })),
        total: moneyDto(total, base),
      };
    });
  }
}

const BUCKETS = ['current', 'days1To30', 'days31To60', 'days61To90', 'over90', 'total'] as const;

function bucketsDto(
  r: Pick<AgingRow, 'invoiceCount'> & Record<(typeof BUCKETS)[number], string | bigint>,
  base: CurrencyCode,
): AgingBucketsDto {
  const out = { invoiceCount: r.invoiceCount } as Record<(typeof BUCKETS)[number], MoneyDto> & { invoiceCount: number };
  for (const k of BUCKETS) out[k] = moneyDto(r[k], base);
  return out;
}
