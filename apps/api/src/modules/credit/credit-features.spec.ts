import {
  coefficientOfVariation,
  loadRatio,
  modelRatios,
  operatingFeatures,
  policySignals,
  ratio,
  storeRatio,
  trustSignal,
  wholeMonthsBetween,
  type CreditAggregates,
  type WindowFlows,
} from './credit-features';

const flows = (over: Partial<WindowFlows> = {}): WindowFlows => ({
  sales: 0n,
  cogs: 0n,
  opex: 0n,
  otherIncome: 0n,
  otherExpense: 0n,
  invoicedNet: 0n,
  invoicedGross: 0n,
  creditedNet: 0n,
  creditedGross: 0n,
  received: 0n,
  refunded: 0n,
  stockPurchased: 0n,
  stockShipped: 0n,
  stockAdjusted: 0n,
  goodsInvoiced: 0n,
  goodsInvoicedUnshipped: 0n,
  ...over,
});

/** 24 months ending with November 2026, each with the given sales. */
const months = (sales: (i: number) => bigint, entries = 5) =>
  Array.from({ length: 24 }, (_, i) => ({
    month: new Date(Date.UTC(2024, 11 + i, 1)).toISOString().slice(0, 7), // December 2024 … November 2026
    sales: sales(i),
    cogs: 0n,
    entries,
  }));

/** A small trading business: the figures of a worked example (all in cents). */
const business = (over: Partial<CreditAggregates> = {}): CreditAggregates => ({
  asOf: '2026-11-23',
  last12: flows({
    sales: 1_200_000_00n,
    cogs: 700_000_00n,
    opex: 300_000_00n,
    otherIncome: 10_000_00n,
    otherExpense: 30_000_00n,
    invoicedNet: 1_250_000_00n,
    invoicedGross: 1_375_000_00n,
    creditedNet: 50_000_00n,
    creditedGross: 55_000_00n,
    received: 1_250_000_00n,
    refunded: 12_500_00n,
    stockPurchased: 720_000_00n,
    stockShipped: 700_000_00n,
    stockAdjusted: -7_000_00n,
    goodsInvoiced: 900_000_00n,
    goodsInvoicedUnshipped: 45_000_00n,
  }),
  prev12Sales: 1_000_000_00n,
  last3Sales: 330_000_00n,
  prev3Sales: 300_000_00n,
  balances: {
    cash: 150_000_00n,
    receivable: 180_000_00n,
    inventory: 120_000_00n,
    currentAssets: 460_000_00n,
    totalAssets: 600_000_00n,
    payables: -90_000_00n,
    shortTermLiabilities: -200_000_00n,
    longTermLiabilities: -100_000_00n,
  },
  firstEntryDate: '2023-05-02',
  lastEntryDate: '2026-11-22',
  months: months((i) => BigInt(90_000_00 + (i % 2) * 20_000_00)),
  customers: { active: 40, repeat: 25, total: 1_150_000_00n, largest: 230_000_00n, top5: 575_000_00n, hhi: 0.0712 },
  aging: { total: 180_000_00n, current: 120_000_00n, days1To30: 30_000_00n, days31To60: 15_000_00n, days61To90: 9_000_00n, over90: 6_000_00n },
  backdatedSales: 0n,
  ...over,
});

describe('the division rule of FEATURES.md', () => {
  it('divides, goes to ±Infinity over zero, and is missing for 0/0', () => {
    expect(ratio(3n, 4n)).toBe(0.75);
    expect(ratio(-3n, 4n)).toBe(-0.75);
    expect(ratio(5n, 0n)).toBe(Infinity);
    expect(ratio(-5n, 0n)).toBe(-Infinity);
    expect(ratio(0n, 0n)).toBeNull();
  });

  it('stores infinity as text, since JSON has none, and reads it back', () => {
    for (const v of [0.25, -2, Infinity, -Infinity, null]) expect(loadRatio(storeRatio(v))).toBe(v);
    expect(storeRatio(Infinity)).toBe('Infinity');
    expect(storeRatio(NaN)).toBeNull();
    expect(JSON.parse(JSON.stringify({ r: storeRatio(-Infinity) }))).toEqual({ r: '-Infinity' });
  });
});

describe('model ratios', () => {
  it('computes each of the 17 ratios by its formula', () => {
    const r = modelRatios(business());
    // TA 600k, STL 200k, LTL 100k, TL 300k, CA 460k, INV 120k, REC 180k, CASH 150k
    // SALES 1.2M, OP_PROFIT 1.2M − 0.7M − 0.3M = 200k, NET_PROFIT 200k + 10k − 30k = 180k
    expect(r.attr1).toBeCloseTo(180 / 600, 12);
    expect(r.attr35).toBeCloseTo(200 / 600, 12);
    expect(r.attr39).toBeCloseTo(200 / 1200, 12);
    expect(r.attr12).toBeCloseTo(180 / 200, 12);
    expect(r.attr2).toBeCloseTo(300 / 600, 12);
    expect(r.attr51).toBeCloseTo(200 / 600, 12);
    expect(r.attr3).toBeCloseTo((460 - 200) / 600, 12);
    expect(r.attr4).toBeCloseTo(460 / 200, 12);
    expect(r.attr46).toBeCloseTo((460 - 120) / 200, 12);
    expect(r.attr40).toBeCloseTo((460 - 120 - 180) / 200, 12);
    expect(r.attr50).toBeCloseTo(460 / 300, 12);
    expect(r.attr63).toBeCloseTo(1200 / 200, 12);
    expect(r.attr30).toBeCloseTo((300 - 150) / 1200, 12);
    expect(r.attr9).toBeCloseTo(1200 / 600, 12);
    expect(r.attr44).toBeCloseTo((180 * 365) / 1200, 12);
    expect(r.attr20).toBeCloseTo((120 * 365) / 1200, 12);
    expect(r.attr21).toBeCloseTo(1.2, 12);
    expect(Object.keys(r)).toHaveLength(17);
  });

  it('gives no growth without a whole prior year of books, or without prior sales', () => {
    expect(modelRatios(business({ firstEntryDate: '2024-11-24' })).attr21).toBeNull();
    expect(modelRatios(business({ firstEntryDate: '2024-11-23' })).attr21).toBeCloseTo(1.2, 12);
    expect(modelRatios(business({ prev12Sales: 0n })).attr21).toBeNull();
  });

  it('reads a business without debts as infinitely liquid, and empty books as missing', () => {
    const noDebt = business({
      balances: { ...business().balances, payables: 0n, shortTermLiabilities: 0n, longTermLiabilities: 0n },
    });
    const r = modelRatios(noDebt);
    expect(r.attr4).toBe(Infinity);
    expect(r.attr12).toBe(Infinity);
    expect(r.attr2).toBe(0);
    const empty = modelRatios(
      business({
        last12: flows(),
        prev12Sales: 0n,
        balances: { cash: 0n, receivable: 0n, inventory: 0n, currentAssets: 0n, totalAssets: 0n, payables: 0n, shortTermLiabilities: 0n, longTermLiabilities: 0n },
      }),
    );
    expect(Object.values(empty).every((v) => v === null)).toBe(true);
  });
});

describe('operating features', () => {
  it('derives growth, margin, days outstanding, customers and ratios of returns', () => {
    const f = operatingFeatures(business(), 'USD');
    expect(f.currency).toBe('USD');
    expect(f.growthYoY).toBeCloseTo(0.2, 12);
    expect(f.growth3m).toBeCloseTo(0.1, 12);
    expect(f.grossMargin).toBeCloseTo(500 / 1200, 12);
    expect(f.daysSalesOutstanding).toBeCloseTo((180 * 365) / 1200, 12);
    expect(f.daysPayablesOutstanding).toBeCloseTo((90 * 365) / 1000, 12);
    expect(f.daysInventory).toBeCloseTo((120 * 365) / 700, 12);
    expect(f.repeatCustomerShare).toBeCloseTo(25 / 40, 12);
    expect(f.creditNoteRatio).toBeCloseTo(50 / 1250, 12);
    expect(f.refundRatio).toBeCloseTo(12.5 / 1250, 12);
    expect(f.monthsOfHistory).toBe(42);
    expect(f.sales12mMinor).toBe('120000000');
    expect(f.netProfit12mMinor).toBe('18000000');
    expect(f.monthlyRevenue).toHaveLength(24);
    expect(f.monthlyRevenue[23]).toEqual({ month: '2026-11', salesMinor: '11000000', cogsMinor: '0' });
  });

  it('leaves out what a young business cannot have', () => {
    const f = operatingFeatures(business({ firstEntryDate: '2026-07-01' }), 'USD');
    expect(f.monthsOfHistory).toBe(4);
    expect(f.growthYoY).toBeNull();
    expect(f.growth3m).toBeNull();
  });

  it('counts whole months, day of the month included', () => {
    expect(wholeMonthsBetween('2026-01-30', '2026-02-27')).toBe(0);
    // As addMonths (and PostgreSQL) clamp: January 31 plus a month is February 28.
    expect(wholeMonthsBetween('2026-01-31', '2026-02-28')).toBe(1);
    expect(wholeMonthsBetween('2026-01-28', '2026-02-28')).toBe(1);
    expect(wholeMonthsBetween('2024-11-23', '2026-11-23')).toBe(24);
    expect(wholeMonthsBetween('2024-11-24', '2026-11-23')).toBe(23);
    expect(wholeMonthsBetween('2026-11-23', '2026-11-23')).toBe(0);
  });
});

describe('policy signals', () => {
  it('measures volatility over the complete months of the last year', () => {
    expect(coefficientOfVariation([100, 100, 100])).toBe(0);
    // mean 100, population sd 50
    expect(coefficientOfVariation([50, 150])).toBeCloseTo(0.5, 12);
    expect(coefficientOfVariation([0, 0])).toBeNull();
    const s = policySignals(business());
    // The 12 complete months before November 2026 (November 2025 … October 2026), alternating 90k and 110k.
    const complete = business().months.slice(-13, -1).map((m) => Number(m.sales));
    expect(s.revenueVolatility.months).toBe(12);
    expect(s.revenueVolatility.value).toBeCloseTo(coefficientOfVariation(complete)!, 12);
    expect(s.revenueVolatility.status).toBe('ok');
    const young = policySignals(business({ firstEntryDate: '2026-07-10' }));
    expect(young.revenueVolatility).toEqual({ value: null, months: 4, status: 'not_applicable' });
  });

  it('measures concentration and the overdue mix', () => {
    const s = policySignals(business());
    expect(s.concentration).toEqual({ customers: 40, largestCustomerShare: 0.2, top5Share: 0.5, hhi: 0.0712, status: 'ok' });
    expect(s.overdue.overdueShare).toBeCloseTo(60 / 180, 12);
    expect(s.overdue.aging!.over90).toBeCloseTo(6 / 180, 12);
    expect(s.overdue.status).toBe('watch');
    const old = policySignals(business({ aging: { ...business().aging, current: 90_000_00n, over90: 36_000_00n } }));
    expect(old.overdue.status).toBe('flag');
  });
});

describe('data trust', () => {
  const check = (a: CreditAggregates, key: string) => trustSignal(a).checks.find((c) => c.key === key)!;

  it('passes consistent books', () => {
    const t = trustSignal(business());
    expect(t.checks.map((c) => [c.key, c.status])).toEqual([
      ['payments_recorded', 'ok'],
      ['shipments_invoiced', 'ok'],
      ['stock_purchases', 'ok'],
      ['bookkeeping_gaps', 'ok'],
      ['backdated_entries', 'ok'],
    ]);
    expect(t).toMatchObject({ score: 100, level: 'high' });
    // (1,250,000 − 12,500) / (1,375,000 − 55,000)
    expect(check(business(), 'payments_recorded').value).toBeCloseTo(1_237_500 / 1_320_000, 12);
    expect(check(business(), 'shipments_invoiced').value).toBeCloseTo(0.05, 12);
    expect(check(business(), 'stock_purchases').value).toBeCloseTo(7 / 720, 12);
  });

  it('flags invoices that payments never follow, and goods invoiced without a shipment', () => {
    const unpaid = business({ last12: { ...business().last12, received: 300_000_00n } });
    expect(check(unpaid, 'payments_recorded').status).toBe('flag');
    const unshipped = business({ last12: { ...business().last12, goodsInvoicedUnshipped: 600_000_00n } });
    expect(check(unshipped, 'shipments_invoiced').status).toBe('flag');
    const t = trustSignal(unshipped);
    expect(t).toMatchObject({ score: 70, level: 'medium' });
  });

  it('flags stock that appears by adjustment, gaps in the books and back-dated sales', () => {
    const adjusted = business({ last12: { ...business().last12, stockAdjusted: 100_000_00n } });
    expect(check(adjusted, 'stock_purchases').status).toBe('watch');
    const gaps = business({ months: months(() => 100n, 5).map((m, i) => (i >= 16 && i <= 18 ? { ...m, entries: 0 } : m)) });
    expect(check(gaps, 'bookkeeping_gaps')).toMatchObject({ status: 'flag', value: 3 });
    const quiet = business({ lastEntryDate: '2026-09-01' });
    expect(check(quiet, 'bookkeeping_gaps')).toMatchObject({ status: 'watch', detail: 83 });
    const backfilled = business({ backdatedSales: 700_000_00n });
    expect(check(backfilled, 'backdated_entries')).toMatchObject({ status: 'flag' });
    expect(check(backfilled, 'backdated_entries').value).toBeCloseTo(700 / 1200, 12);
  });

  it('does not apply checks to books without the records they compare', () => {
    const services = business({ last12: { ...business().last12, goodsInvoiced: 0n, goodsInvoicedUnshipped: 0n, stockPurchased: 0n, stockShipped: 0n, stockAdjusted: 0n } });
    expect(check(services, 'shipments_invoiced').status).toBe('not_applicable');
    expect(check(services, 'stock_purchases').status).toBe('not_applicable');
    const empty = business({ firstEntryDate: null, lastEntryDate: null, last12: flows() });
    expect(trustSignal(empty).checks.every((c) => c.status === 'not_applicable')).toBe(true);
    // Nothing to compare is no evidence of trust either way.
    expect(trustSignal(empty)).toMatchObject({ score: null, level: 'unknown' });
  });
});
