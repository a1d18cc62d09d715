export { MoneyError, type MoneyErrorCode } from './errors';
export { CURRENCIES, assertCurrency, currencyExponent, isCurrency, type CurrencyCode } from './currency';
export { ROUNDING_MODES, roundDiv, type RoundingMode } from './rounding';
export { decimalToString, parseDecimal, type Decimal } from './decimal';
export {
  money,
  moneyFromJson,
  moneyToJson,
  parseMoney,
  toDecimalString,
  zero,
  type Money,
  type MoneyJson,
} from './money';
export {
  abs,
  add,
  compare,
  equals,
  isNegative,
  isPositive,
  isZero,
  max,
  min,
  negate,
  subtract,
  sum,
} from './arithmetic';
export { convert, multiplyByDecimal, percentageOf } from './multiply';
export { allocate, allocateEvenly, type Ratio } from './allocate';
export { formatMoney, type FormatMoneyOptions } from './format';
