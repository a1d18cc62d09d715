import { regZApr } from './apr-reg-z';
import { addDays } from './dates';
import { toPercentString } from './fixed';
import { projectRevenueShare, revenueShareFromJson, revenueShareToJson, type RevenueShareInput } from './revenue-share';

/** A week of daily sales starting on `monday`: Monday..Sunday amounts. */
const week = (monday: string, amounts: string[]) => amounts.map((amount, i) => ({ date: addDays(monday, i), amount }));

const base: RevenueShareInput = {
  advance: '1000.00',
  fee: '100.00',
  fundingDate: '2026-03-01', // a Sunday: remittances start on Monday 2026-03-02
  remittancePct: '10',
  maxTermDays: 180,
  dailySales: week('2026-01-05', Array(7).fill('500.00')),
  decimals: 2,
};

const project = (extra: Partial<RevenueShareInput>) => {
  const input = { ...base, ...extra };
  return revenueShareToJson(projectRevenueShare(input), input.decimals);
};

describe('revenue-share projection', () => {
  it('pays the advance and fee off from a share of each day', () => {
    // 10 % of 500.00 is 50.00 a day; 1 100.00 takes 22 days.
    const result = project({});
    expect(result).toEqual(
      expect.objectContaining({ payoffDate: '2026-03-23', daysToPayoff: 22, totalRepayable: '1100.00', fromSales: '1100.00', fromMinimums: '0.00', atMaturity: '0.00' }),
    );
    expect(result.payments).toHaveLength(22);
    expect(result.payments[0]).toEqual({ date: '2026-03-02', amount: '50.00' });
  });

  it('states the APR of the projected flows by Regulation Z Appendix J', () => {
    const projection = projectRevenueShare(base);
    const direct = regZApr({
      advances: [{ date: '2026-03-01', amount: '1000.00' }],
      payments: projection.payments.map((p) => ({ date: p.date, amount: '50.00' })),
    });
    expect(projection.apr.unitPeriod).toEqual({ kind: 'days', days: 1 });
    expect(toPercentString(projection.apr.annualRate, 2)).toBe(toPercentString(direct.annualRate, 2));
    // 100 of fee on 1 000 repaid over about 11.5 days on average: far above 100 % a year.
    expect(Number(toPercentString(projection.apr.annualRate, 2))).toBeGreaterThan(200);
  });

  it('replays the history from the same weekday, so closed days stay closed', () => {
    // History Monday 2026-01-05 .. Sunday 01-11: open Monday to Friday only. The history given starts
    // on a Wednesday; the replay still starts with Monday's sales on Monday 2026-03-02.
    const history = week('2026-01-05', ['500.00', '500.00', '500.00', '500.00', '500.00', '0', '0']);
    const fromWednesday = [...history.slice(2), ...week('2026-01-12', ['500.00', '500.00'])];
    const result = project({ dailySales: fromWednesday });
    expect(result.payments.slice(0, 6).map((p) => p.date)).toEqual(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-09']);
    // 22 open days of 50.00: the 22nd open day is Tuesday 2026-03-31.
    expect(result.payoffDate).toBe('2026-03-31');
  });

  it('collects the shortfall against the minimum at the end of each period', () => {
    const history = week('2026-01-05', ['200.00', '200.00', '200.00', '200.00', '200.00', '0', '0']);
    // 10 % of 200.00 on five days a week is 100.00; the weekly minimum is 150.00.
    const result = project({ dailySales: history, minimumPerPeriod: '150.00', minimumPeriod: 'week' });
    expect(result.periods[0]).toEqual({ end: '2026-03-08', fromSales: '100.00', minimumTopUp: '50.00', balance: '950.00' });
    expect(result.payments.find((p) => p.date === '2026-03-08')).toEqual({ date: '2026-03-08', amount: '50.00' });
    expect(result.fromMinimums).not.toBe('0.00');
  });

  it('calls what is left due at the maximum term', () => {
    // 1 % of 100.00 is 1.00 a day; after 30 days, 1 070.00 is still owed and falls due.
    const result = project({ remittancePct: '1', dailySales: week('2026-01-05', Array(7).fill('100.00')), maxTermDays: 30 });
    expect(result).toEqual(expect.objectContaining({ payoffDate: '2026-03-31', maturityDate: '2026-03-31', fromSales: '30.00', atMaturity: '1070.00' }));
    expect(result.payments[result.payments.length - 1]).toEqual({ date: '2026-03-31', amount: '1071.00' });
  });

  it('spreads monthly sales evenly over the days of each month', () => {
    // 3 100.00 over the 31 days of January is 100.00 a day; 10 % of it 10.00.
    const result = project({ dailySales: undefined, monthlySales: [{ month: '2026-01', amount: '3100.00' }], maxTermMonths: 12, maxTermDays: undefined });
    expect(result.payments[0].amount).toBe('10.00');
    expect(result.daysToPayoff).toBe(110);
  });

  it('reads the JSON request and names bad fields', () => {
    expect(() =>
      revenueShareFromJson({
        advance: '1000',
        fee: '-1',
        fundingDate: '2026-03-01',
        remittancePct: '10',
        maxTermDays: 30,
        maxTermMonths: 1,
        dailySales: [{ date: '2026-01-01', amount: '5' }],
        monthlySales: [],
      }),
    ).toThrow(
      expect.objectContaining({
        fields: expect.arrayContaining(['fee', 'maxTermMonths', 'dailySales'].map((field) => expect.objectContaining({ field }))),
      }),
    );
    expect(() => revenueShareFromJson({ advance: '1000', fee: '0', fundingDate: '2026-03-01', remittancePct: '10', monthlySales: [{ month: '2026-13', amount: '1' }] })).toThrow(
      expect.objectContaining({
        fields: expect.arrayContaining(['maxTermDays', 'monthlySales[0].month'].map((field) => expect.objectContaining({ field }))),
      }),
    );
  });

  it('refuses a remittance share over 100 %', () => {
    expect(() => projectRevenueShare({ ...base, remittancePct: '100.5' })).toThrow(expect.objectContaining({ fields: [expect.objectContaining({ field: 'remittancePct' })] }));
  });
});
