import { assertCurrency, money, toDecimalString } from '@keeper/money';
import type { MoneyDto } from '../../common/money.dto';
import { neutraliseFormula, writeCsv } from '../catalog/csv/csv';
import type { TrialBalanceDto } from '../ledger/dto/report.dto';
import type { AgingBucketsDto, ApAgingDto, ArAgingDto, CashReceivedDto } from './dto/receivables.dto';
import type { BalanceSheetDto, ProfitAndLossDto, ProfitAndLossSectionDto } from './dto/statements.dto';

/** Reports as CSV files: one header row, amounts as plain decimal strings in the base currency. */

export interface CsvFile {
  fileName: string;
  body: string;
}

// Names come from users (accounts, customers) and are made inert for spreadsheets. Amounts are
// numbers we format ourselves and stay as they are: "-12.50" must remain a number, not text.
const text = (v: string) => neutraliseFormula(v);
const amount = (m: MoneyDto) => toDecimalString(money(BigInt(m.amountMinor), assertCurrency(m.currency)));
const file = (fileName: string, records: string[][]): CsvFile => ({ fileName, body: writeCsv(records, { bom: true }) });

export function profitAndLossCsv(r: ProfitAndLossDto): CsvFile {
  const compare = r.previousPeriod !== null;
  const header = ['section', 'account_code', 'account_name', 'amount', ...(compare ? ['previous_amount'] : [])];
  const row = (section: string, code: string, name: string, now: MoneyDto, before: MoneyDto | null) => [
    section,
    text(code),
    text(name),
    amount(now),
    ...(compare && before ? [amount(before)] : []),
  ];
  const section = (label: string, s: ProfitAndLossSectionDto) => [
    ...s.lines.map((l) => row(label, l.account.code, l.account.name, l.amount, l.previousAmount)),
    row(label, '', `Total ${label.toLowerCase()}`, s.total, s.previousTotal),
  ];
  return file(`profit-and-loss-${r.from}-to-${r.to}.csv`, [
    header,
    ...section('Income', r.income),
    ...section('Cost of sales', r.costOfSales),
    row('Gross profit', '', 'Gross profit', r.grossProfit, r.previousGrossProfit),
    ...section('Expenses', r.expenses),
    row('Net profit', '', 'Net profit', r.netProfit, r.previousNetProfit),
  ]);
}

export function balanceSheetCsv(r: BalanceSheetDto): CsvFile {
  const records = [['section', 'account_code', 'account_name', 'amount']];
  for (const [label, s] of [
    ['Assets', r.assets],
    ['Liabilities', r.liabilities],
    ['Equity', r.equity],
  ] as const) {
    for (const l of s.lines) records.push([label, text(l.account?.code ?? ''), text(l.name), amount(l.amount)]);
    records.push([label, '', `Total ${label.toLowerCase()}`, amount(s.total)]);
  }
  records.push(['Total', '', 'Total liabilities and equity', amount(r.totalLiabilitiesAndEquity)]);
  return file(`balance-sheet-${r.asOf}.csv`, records);
}

const agingBuckets = (b: AgingBucketsDto) => [
  String(b.invoiceCount),
  amount(b.current),
  amount(b.days1To30),
  amount(b.days31To60),
  amount(b.days61To90),
  amount(b.over90),
  amount(b.total),
];
const AGING_COLUMNS = ['current', '1_30_days', '31_60_days', '61_90_days', 'over_90_days', 'total'];

export function arAgingCsv(r: ArAgingDto): CsvFile {
  return file(`ar-aging-${r.asOf}.csv`, [
    ['customer', 'open_invoices', ...AGING_COLUMNS],
    ...r.customers.map((c) => [text(c.contact.name), ...agingBuckets(c)]),
    ['Total', ...agingBuckets(r.totals)],
  ]);
}

export function apAgingCsv(r: ApAgingDto): CsvFile {
  return file(`ap-aging-${r.asOf}.csv`, [
    ['supplier', 'open_documents', ...AGING_COLUMNS],
    ...r.suppliers.map((c) => [text(c.contact.name), ...agingBuckets(c)]),
    ['Total', ...agingBuckets(r.totals)],
  ]);
}

export function cashReceivedCsv(r: CashReceivedDto): CsvFile {
  return file(`cash-received-${r.from}-to-${r.to}.csv`, [
    ['date', 'amount'],
    ...r.days.map((d) => [d.date, amount(d.amount)]),
    ['Total', amount(r.total)],
  ]);
}

export function trialBalanceCsv(r: TrialBalanceDto): CsvFile {
  return file(`trial-balance-${r.asOf}.csv`, [
    ['account_code', 'account_name', 'account_type', 'debit', 'credit'],
    ...r.rows.map((row) => [text(row.account.code), text(row.account.name), row.account.type, row.debitDecimal, row.creditDecimal]),
    ['', 'Total', '', r.totalDebitDecimal, r.totalCreditDecimal],
  ]);
}
