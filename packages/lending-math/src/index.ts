export { LendingMathError, type FieldError, type LendingMathErrorCode } from './errors';
export { toPercentString, type Fixed } from './fixed';
export type { DatedAmount } from './input';
export { DAY_COUNTS, yearFractionByDayCount, type DayCount } from './day-count';
export {
  buildSchedule,
  dueDates,
  FREQUENCIES,
  formatMinor,
  METHODS,
  scheduleFromJson,
  scheduleToJson,
  toMinorUnits,
  type Frequency,
  type Installment,
  type Schedule,
  type ScheduleInput,
  type ScheduleMethod,
} from './schedule';
export { payoff, payoffFromJson, payoffToJson, quotePayoff, type PayoffInput, type PayoffQuote } from './payoff';
export {
  MINIMUM_PERIODS,
  projectRevenueShare,
  revenueShareFromJson,
  revenueShareToJson,
  type MinimumPeriod,
  type MonthlySalesEntry,
  type RevenueShareInput,
  type RevenueSharePeriod,
  type RevenueShareProjection,
  type SalesEntry,
} from './revenue-share';
export {
  chooseUnitPeriod,
  positionOf,
  regZApr,
  regZAprFromJson,
  unitPeriodsPerYear,
  UNIT_PERIOD_NAMES,
  type RegZApr,
  type RegZAprInput,
  type UnitPeriod,
  type UnitPeriodName,
} from './apr-reg-z';
export { APRC_TIME_PERIODS, euAprc, euAprcFromJson, yearFraction, type AprcTimePeriod, type EuAprc, type EuAprcInput, type YearFraction } from './aprc-eu';
