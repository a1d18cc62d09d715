export { LendingMathError, type FieldError, type LendingMathErrorCode } from './errors';
export { toPercentString, type Fixed } from './fixed';
export type { DatedAmount } from './input';
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
