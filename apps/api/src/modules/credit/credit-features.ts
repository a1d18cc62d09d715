import type { AttrKey, Ratios } from '@keeper/credit-model';
import { addMonths, daysBetween } from '../../common/dates';

/**
 * The credit features of one business as of a day E, from the aggregates the facts tables give
 * (credit-facts.repository.ts). Pure: no I/O, so each formula is unit-tested on its own.
 *
 * Conventions (packages/credit-model/src/model/FEATURES.md): balances are as of E; flows are over
 * the 12 months (E − 12 months, E]; the prior year is (E − 24 months, E − 12 months]. Amounts are
 * base-currency minor units (bigint); ratios are unitless numbers.
 */

/** Sums over a window of days. Every amount in base-currency minor units. */
export interface WindowFlows {
  /** Net sales: income of the operating and contra subtypes, as earned. */
  sales: bigint;
  cogs: bigint;
  opex: bigint;
  otherIncome: bigint;
  otherExpense: bigint;
  /** Sales (before tax) on invoices issued, less those voided. */
  invoicedNet: bigint;
  /** The same with tax: what customers were asked to pay. */
  invoicedGross: bigint;
  creditedNet: bigint;
  creditedGross: bigint;
  /** Money received from customers (payments), and refunded to them. */
  received: bigint;
  refunded: bigint;
  /** Stock value in from purchase receipts, out through shipments, and adjusted (counts, write-offs). */
  stockPurchased: bigint;
  stockShipped: bigint;
  stockAdjusted: bigint;
  /** Invoiced sales of stock-tracked products, and the part on invoices no shipment backs. */
  goodsInvoiced: bigint;
  goodsInvoicedUnshipped: bigint;
}

/** Balances as of E, debit positive (liabilities are negative). */
export interface Balances {
  cash: bigint;
  receivable: bigint;
  inventory: bigint;
  currentAssets: bigint;
  totalAssets: bigint;
  payables: bigint;
  shortTermLiabilities: bigint;
  longTermLiabilities: bigint;
}

export interface MonthFacts {
  /** YYYY-MM */
  month: string;
  sales: bigint;
  cogs: bigint;
  entries: number;
}

export interface CustomerFacts {
  /** Customers invoiced in the 12 months (net count of invoices above zero), and those invoiced twice or more. */
  active: number;
  repeat: number;
  /** Invoiced sales to customers with a positive total, the largest one's, and the five largest's. */
  total: bigint;
  largest: bigint;
  top5: bigint;
  /** Σ share², computed exactly in PostgreSQL; null with no sales to customers. */
  hhi: number | null;
}

export interface AgingFacts {
  total: bigint;
  current: bigint;
  days1To30: bigint;
  days31To60: bigint;
  days61To90: bigint;
  over90: bigint;
}

export interface CreditAggregates {
  asOf: string;
  last12: WindowFlows;
  /** Net sales in the prior year, the last 3 months and the 3 months before. */
  prev12Sales: bigint;
  last3Sales: bigint;
  prev3Sales: bigint;
  balances: Balances;
  /** Dates of the first entry and of the latest entry on or before E; null for empty books. */
  firstEntryDate: string | null;
  lastEntryDate: string | null;
  /** The 24 calendar months ending with E's month (the last one runs to E), oldest first. */
  months: MonthFacts[];
  customers: CustomerFacts;
  aging: AgingFacts;
  /** Net sales of the 12 months recorded in the last 90 days with a date more than 30 days before their recording. */
  backdatedSales: bigint;
}

/** A ratio as the model reads it: a number, ±Infinity (x / 0), or null (0 / 0: missing). */
export type Ratio = number | null;

/**
 * FEATURES.md "Division": b ≠ 0 gives the quotient; b = 0 gives ±Infinity with the sign of a, or
 * null when a is 0 too.
 */
export function ratio(a: bigint, b: bigint): Ratio {
  if (b !== 0n) return Number(a) / Number(b);
  if (a === 0n) return null;
  return a > 0n ? Infinity : -Infinity;
}

/** A quotient that only makes sense with a positive denominator (a share, days of sales): else null. */
function share(a: bigint, b: bigint): number | null {
  return b > 0n ? Number(a) / Number(b) : null;
}

/** The 17 model ratios of FEATURES.md, by column. */
export function modelRatios(a: CreditAggregates): Ratios {
  const b = a.balances;
  const CASH = b.cash;
  const REC = b.receivable;
  const INV = b.inventory;
  const CA = b.currentAssets;
  const TA = b.totalAssets;
  const STL = -b.shortTermLiabilities;
  const LTL = -b.longTermLiabilities;
  const TL = STL + LTL;
  const f = a.last12;
  const SALES = f.sales;
  const OP_PROFIT = SALES - f.cogs - f.opex;
  const NET_PROFIT = OP_PROFIT + f.otherIncome - f.otherExpense;
  // Sales growth needs a whole prior year in the books; otherwise it is missing (neutral in the model).
  const fullPriorYear = a.firstEntryDate !== null && a.firstEntryDate <= addMonths(a.asOf, -24) && a.prev12Sales > 0n;
  const r: Record<string, Ratio> = {
    attr1: ratio(NET_PROFIT, TA),
    attr35: ratio(OP_PROFIT, TA),
    attr39: ratio(OP_PROFIT, SALES),
    attr12: ratio(NET_PROFIT, STL),
    attr2: ratio(TL, TA),
    attr51: ratio(STL, TA),
    attr3: ratio(CA - STL, TA),
    attr4: ratio(CA, STL),
    attr46: ratio(CA - INV, STL),
    attr40: ratio(CA - INV - REC, STL),
    attr50: ratio(CA, TL),
    attr63: ratio(SALES, STL),
    attr30: ratio(TL - CASH, SALES),
    attr9: ratio(SALES, TA),
    attr44: ratio(REC * 365n, SALES),
    attr20: ratio(INV * 365n, SALES),
    attr21: fullPriorYear ? ratio(SALES, a.prev12Sales) : null,
  };
  return r as Ratios;
}

/** Ratios in JSON: numbers, null, or the strings "Infinity" / "-Infinity" (JSON has no infinity). */
export type StoredRatio = number | null | 'Infinity' | '-Infinity';

export function storeRatio(v: Ratio): StoredRatio {
  if (v === null || Number.isNaN(v)) return null;
  if (v === Infinity) return 'Infinity';
  if (v === -Infinity) return '-Infinity';
  return v;
}

export function loadRatio(v: StoredRatio | undefined): Ratio {
  if (v === 'Infinity') return Infinity;
  if (v === '-Infinity') return -Infinity;
  return v ?? null;
}

export function storeRatios(r: Ratios): Record<string, StoredRatio> {
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, storeRatio(v ?? null)]));
}

export function loadRatios(stored: Record<string, StoredRatio>): Ratios {
  return Object.fromEntries(Object.entries(stored).map(([k, v]) => [k as AttrKey, loadRatio(v)]));
}

/** Operating features (not model inputs): what the owner and, with consent, a lender read about the business. */
export interface OperatingFeatures {
  currency: string;
  /** The 24 calendar months ending with E's month; the last one runs to E. Minor units as text. */
  monthlyRevenue: { month: string; salesMinor: string; cogsMinor: string }[];
  sales12mMinor: string;
  salesPrev12mMinor: string;
  netProfit12mMinor: string;
  /** Sales of the last 12 months against the 12 before, − 1 (null without a whole prior year of books). */
  growthYoY: number | null;
  /** Sales of the last 3 months against the 3 before, − 1 (null without 6 months of books). */
  growth3m: number | null;
  grossMargin: number | null;
  /** Days sales outstanding: receivables × 365 / sales. */
  daysSalesOutstanding: number | null;
  /** Days payables outstanding: payables × 365 / (cost of sales + operating expenses). */
  daysPayablesOutstanding: number | null;
  /** Days inventory: inventory × 365 / cost of sales. */
  daysInventory: number | null;
  activeCustomers: number;
  repeatCustomers: number;
  repeatCustomerShare: number | null;
  creditNoteRatio: number | null;
  refundRatio: number | null;
  /** Whole months from the first entry to E (0 for empty books). */
  monthsOfHistory: number;
}

/** Whole calendar months from one date to a later one (the day of the month counts). */
export function wholeMonthsBetween(from: string, to: string): number {
  let months = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + (Number(to.slice(5, 7)) - Number(from.slice(5, 7)));
  if (addMonths(from, months) > to) months -= 1;
  return Math.max(0, months);
}

export function operatingFeatures(a: CreditAggregates, currency: string): OperatingFeatures {
  const f = a.last12;
  const b = a.balances;
  const netProfit = f.sales - f.cogs - f.opex + f.otherIncome - f.otherExpense;
  const months = a.firstEntryDate ? wholeMonthsBetween(a.firstEntryDate, a.asOf) : 0;
  const growth = (now: bigint, before: bigint, needMonths: number) => {
    const g = months >= needMonths ? share(now, before) : null;
    return g === null ? null : g - 1;
  };
  return {
    currency,
    monthlyRevenue: a.months.map((m) => ({ month: m.month, salesMinor: m.sales.toString(), cogsMinor: m.cogs.toString() })),
    sales12mMinor: f.sales.toString(),
    salesPrev12mMinor: a.prev12Sales.toString(),
    netProfit12mMinor: netProfit.toString(),
    growthYoY: growth(f.sales, a.prev12Sales, 24),
    growth3m: growth(a.last3Sales, a.prev3Sales, 6),
    grossMargin: share(f.sales - f.cogs, f.sales),
    daysSalesOutstanding: share(b.receivable * 365n, f.sales),
    daysPayablesOutstanding: share(-b.payables * 365n, f.cogs + f.opex),
    daysInventory: share(b.inventory * 365n, f.cogs),
    activeCustomers: a.customers.active,
    repeatCustomers: a.customers.repeat,
    repeatCustomerShare: a.customers.active > 0 ? a.customers.repeat / a.customers.active : null,
    creditNoteRatio: share(f.creditedNet, f.invoicedNet),
    refundRatio: share(f.refunded, f.received),
    monthsOfHistory: months,
  };
}

/** How a signal reads against Keeper's rules of thumb (not learned, and not part of the score). */
export type SignalStatus = 'ok' | 'watch' | 'flag' | 'not_applicable';

/** Higher is worse: ok up to `watch`, watch up to `flag`, flag above. */
function grade(value: number | null, watch: number, flag: number): SignalStatus {
  if (value === null) return 'not_applicable';
  if (value > flag) return 'flag';
  if (value > watch) return 'watch';
  return 'ok';
}

export interface PolicySignals {
  /** Coefficient of variation of monthly sales over the complete months of the last 12 (at least 6). */
  revenueVolatility: { value: number | null; months: number; status: SignalStatus };
  concentration: {
    customers: number;
    largestCustomerShare: number | null;
    top5Share: number | null;
    hhi: number | null;
    status: SignalStatus;
  };
  overdue: {
    receivablesMinor: string;
    overdueShare: number | null;
    aging: { current: number; days1To30: number; days31To60: number; days61To90: number; over90: number } | null;
    status: SignalStatus;
  };
  trust: TrustSignal;
}

export type TrustCheckKey = 'payments_recorded' | 'shipments_invoiced' | 'stock_purchases' | 'bookkeeping_gaps' | 'backdated_entries';

export interface TrustCheck {
  key: TrustCheckKey;
  status: SignalStatus;
  /** The measured value (a share or a ratio; for gaps, months without entries). */
  value: number | null;
  /** For gaps: days since the latest entry. */
  detail?: number | null;
}

export interface TrustSignal {
  /** 100 less 10 per check to watch and 30 per flagged one (not below 0); null when no check applies. */
  score: number | null;
  /** 'unknown' when no check applies (books with nothing to compare yet). */
  level: 'high' | 'medium' | 'low' | 'unknown';
  checks: TrustCheck[];
}

/** Population standard deviation / mean of the values; null when the mean is not positive. */
export function coefficientOfVariation(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  if (mean <= 0) return null;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
  return Math.sqrt(variance) / mean;
}

/** The complete calendar months of the last 12 before E's month, on or after the month of the first entry. */
function completeMonths(a: CreditAggregates): MonthFacts[] {
  if (!a.firstEntryDate) return [];
  const first = a.firstEntryDate.slice(0, 7);
  return a.months.slice(-13, -1).filter((m) => m.month >= first);
}

export function policySignals(a: CreditAggregates): PolicySignals {
  const complete = completeMonths(a);
  const volatility = complete.length >= 6 ? coefficientOfVariation(complete.map((m) => Number(m.sales))) : null;
  const c = a.customers;
  const largestShare = share(c.largest, c.total);
  const ag = a.aging;
  const overdue = ag.total - ag.current;
  const overdueShare = share(overdue, ag.total);
  return {
    revenueVolatility: { value: volatility, months: complete.length, status: grade(volatility, 0.35, 0.7) },
    concentration: {
      customers: c.active,
      largestCustomerShare: largestShare,
      top5Share: share(c.top5, c.total),
      hhi: c.hhi,
      status: grade(largestShare, 0.3, 0.6),
    },
    overdue: {
      receivablesMinor: ag.total.toString(),
      overdueShare,
      aging:
        ag.total > 0n
          ? {
              current: Number(ag.current) / Number(ag.total),
              days1To30: Number(ag.days1To30) / Number(ag.total),
              days31To60: Number(ag.days31To60) / Number(ag.total),
              days61To90: Number(ag.days61To90) / Number(ag.total),
              over90: Number(ag.over90) / Number(ag.total),
            }
          : null,
      // Overdue at all is common; what matters is how much, and how old.
      status: overdueShare === null ? 'not_applicable' : share(ag.days61To90 + ag.over90, ag.total)! > 0.2 ? 'flag' : grade(overdueShare, 0.25, 0.5),
    },
    trust: trustSignal(a, complete),
  };
}

/**
 * The books checked against themselves. Each check compares two records that should agree in
 * honest, complete books; a mismatch is not proof of anything, it says where to look.
 */
export function trustSignal(a: CreditAggregates, complete: MonthFacts[] = completeMonths(a)): TrustSignal {
  const f = a.last12;
  const checks: TrustCheck[] = [];

  // Invoices against recorded payments: over a year, money received should be near what was invoiced.
  const billed = f.invoicedGross - f.creditedGross;
  const collected = share(f.received - f.refunded, billed);
  checks.push({
    key: 'payments_recorded',
    value: collected,
    status: collected === null ? 'not_applicable' : collected < 0.4 || collected > 2 ? 'flag' : collected < 0.7 || collected > 1.3 ? 'watch' : 'ok',
  });

  // Shipments against invoices: stocked goods invoiced with no shipment never left the books' shelves.
  const unshipped = share(f.goodsInvoicedUnshipped, f.goodsInvoiced);
  checks.push({ key: 'shipments_invoiced', value: unshipped, status: grade(unshipped, 0.1, 0.4) });

  // Stock against purchases: stock that appears or vanishes by adjustment rather than by purchase or sale.
  const moved = f.stockPurchased > f.stockShipped ? f.stockPurchased : f.stockShipped;
  const adjusted = f.stockAdjusted < 0n ? -f.stockAdjusted : f.stockAdjusted;
  const adjustedShare = moved > 0n ? Number(adjusted) / Number(moved) : adjusted > 0n ? 1 : null;
  checks.push({ key: 'stock_purchases', value: adjustedShare, status: grade(adjustedShare, 0.05, 0.15) });

  // Gaps in bookkeeping: complete months without a single entry, and how long since the latest one.
  const gapMonths = a.firstEntryDate ? complete.filter((m) => m.entries === 0).length : null;
  const sinceLast = a.lastEntryDate ? daysBetween(a.lastEntryDate, a.asOf) : null;
  checks.push({
    key: 'bookkeeping_gaps',
    value: gapMonths,
    detail: sinceLast,
    status:
      gapMonths === null ? 'not_applicable' : gapMonths >= 3 || sinceLast! > 90 ? 'flag' : gapMonths >= 1 || sinceLast! > 31 ? 'watch' : 'ok',
  });

  // Sudden back-dated entries: sales of the year recorded lately with dates more than 30 days earlier.
  const backdated = f.sales > 0n ? share(a.backdatedSales > 0n ? a.backdatedSales : 0n, f.sales) : null;
  checks.push({ key: 'backdated_entries', value: backdated, status: grade(backdated, 0.1, 0.3) });

  if (checks.every((c) => c.status === 'not_applicable')) return { score: null, level: 'unknown', checks };
  const score = Math.max(0, 100 - checks.reduce((s, c) => s + (c.status === 'flag' ? 30 : c.status === 'watch' ? 10 : 0), 0));
  return { score, level: score >= 80 ? 'high' : score >= 50 ? 'medium' : 'low', checks };
}
