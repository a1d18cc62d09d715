import { payoff, payoffFromJson, payoffToJson } from './payoff';
import type { ScheduleInput } from './schedule';
import { ISSUE_EXAMPLE_SCHEDULE } from './test-fixtures';

// 18 × 305.00 (the last 303.22), first interest 50.00, 30/360.
const loan = ISSUE_EXAMPLE_SCHEDULE;

const quote = (payoffDate: string, paidInstallments?: number, schedule: ScheduleInput = loan) =>
  payoffToJson(payoff({ schedule, payoffDate, paidInstallments }), schedule.decimals);

describe('early payoff quote', () => {
  it.each<[string, string, number | undefined, Partial<ReturnType<typeof quote>>]>([
    ['on the day of disbursement: the principal only', '2022-11-01', undefined, { outstandingPrincipal: '5000.00', accruedInterest: '0.00', total: '5000.00' }],
    // 15 of the period's 30 days: half of the first instalment's 50.00 interest.
    ['half way through the first period', '2022-11-16', undefined, { unpaidDue: '0.00', accruedInterest: '25.00', total: '5025.00' }],
    ['on a due date, that instalment paid', '2022-12-01', undefined, { outstandingPrincipal: '4745.00', accruedInterest: '0.00', total: '4745.00' }],
    ['on a due date, that instalment unpaid', '2022-12-01', 0, { unpaidDue: '305.00', outstandingPrincipal: '4745.00', total: '5050.00' }],
    // Instalment 2 missed; half of instalment 3's interest (4487.45 × 1 % = 44.87) is 22.435 → 22.44.
    ['with an instalment in arrears', '2023-01-16', 1, { unpaidDue: '305.00', outstandingPrincipal: '4487.45', accruedInterest: '22.44', total: '4814.89' }],
    ['with instalments paid ahead: no interest on top', '2022-11-15', 2, { outstandingPrincipal: '4487.45', accruedInterest: '0.00', total: '4487.45' }],
    ['after the last due date, all paid', '2024-06-01', 18, { total: '0.00', remainingScheduled: '0.00' }],
    ['after the last due date, the last one unpaid', '2024-06-01', 17, { unpaidDue: '303.22', total: '303.22', remainingScheduled: '303.22' }],
  ])('%s', (_, date, paid, expected) => {
    expect(quote(date, paid)).toEqual(expect.objectContaining(expected));
  });

  it('saves the interest of the periods not yet started', () => {
    const q = quote('2022-11-16');
    expect(q.remainingScheduled).toBe('5488.22'); // 17 × 305.00 + 303.22
    expect(Number(q.total)).toBeLessThan(Number(q.remainingScheduled));
  });

  it('accrues actual days under an actual/365 schedule', () => {
    const schedule: ScheduleInput = { ...loan, dayCount: 'actual/365', installmentMultipleOf: undefined };
    // First period 2022-11-01 → 12-01 is 30 days: 5000 × 12 % × 30/365 = 49.32; 10 days of it: 16.44.
    expect(quote('2022-11-11', undefined, schedule)).toEqual(expect.objectContaining({ accruedInterest: '16.44', total: '5016.44' }));
  });

  it('prorates the current instalment of a flat-interest loan', () => {
    const schedule: ScheduleInput = { ...loan, method: 'flat', installments: 6, installmentMultipleOf: undefined };
    // Flat: 5000 × 12 % × 6/12 = 300 interest, 50.00 per instalment.
    expect(quote('2022-11-16', undefined, schedule)).toEqual(expect.objectContaining({ accruedInterest: '25.00', total: '5025.00' }));
  });

  it('refuses a payoff before disbursement and more paid instalments than scheduled', () => {
    expect(() => quote('2022-10-31')).toThrow(expect.objectContaining({ fields: [expect.objectContaining({ field: 'payoffDate' })] }));
    expect(() => quote('2022-12-01', 19)).toThrow(expect.objectContaining({ fields: [expect.objectContaining({ field: 'paidInstallments' })] }));
  });

  it('reads the schedule fields and the payoff fields from one JSON object', () => {
    expect(payoffFromJson({ ...loan, payoffDate: '2022-11-16', paidInstallments: 0 })).toEqual({
      schedule: expect.objectContaining({ principal: '5000.00', installments: 18 }),
      payoffDate: '2022-11-16',
      paidInstallments: 0,
    });
    expect(() => payoffFromJson({ ...loan })).toThrow(expect.objectContaining({ fields: [expect.objectContaining({ field: 'payoffDate' })] }));
  });
});
