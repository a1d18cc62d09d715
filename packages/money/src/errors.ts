export type MoneyErrorCode =
  | 'CURRENCY_MISMATCH'
  | 'INVALID_AMOUNT'
  | 'UNKNOWN_CURRENCY'
  | 'PRECISION_EXCEEDED'
  | 'INVALID_DECIMAL'
  | 'INVALID_RATE'
  | 'INVALID_RATIO'
  | 'INVALID_ROUNDING_MODE'
  | 'INVALID_ARGUMENT'
  | 'DIVISION_BY_ZERO';

/** Every failure in this package is a MoneyError; callers branch on the stable `code`, not the message. */
export class MoneyError extends Error {
  override readonly name = 'MoneyError';

  constructor(
    readonly code: MoneyErrorCode,
    message: string,
  ) {
    super(message);
  }
}
