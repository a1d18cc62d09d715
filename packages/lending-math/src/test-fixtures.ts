import type { ScheduleInput } from './schedule';

/**
 * The issue's worked schedule: 5 000.00 at 12 % over 18 months, 30/360, the instalment rounded to a
 * multiple of 1 (305.00, first interest 50.00). Shared by the schedule, payoff and CLI tests.
 */
export const ISSUE_EXAMPLE_SCHEDULE: ScheduleInput = {
  principal: '5000.00',
  annualRatePct: '12',
  installments: 18,
  frequency: 'monthly',
  disbursementDate: '2022-11-01',
  firstDueDate: '2022-12-01',
  method: 'annuity',
  dayCount: '30/360',
  decimals: 2,
  installmentMultipleOf: '1',
  graceOnPrincipal: 0,
};
