export type LendingMathErrorCode = 'VALIDATION_FAILED' | 'NO_SOLUTION';

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/** Every refusal in this package; callers branch on `code`, and `fields` names each bad input. */
export class LendingMathError extends Error {
  override readonly name = 'LendingMathError';

  constructor(
    readonly code: LendingMathErrorCode,
    message: string,
    readonly fields: readonly FieldError[] = [],
  ) {
    super(message);
  }
}

export function invalid(field: string, message: string): LendingMathError {
  return new LendingMathError('VALIDATION_FAILED', `${field}: ${message}`, [{ field, message }]);
}
