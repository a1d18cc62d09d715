import { HttpStatus } from '@nestjs/common';

export interface FieldError {
  field: string;
  code: string;
  /** English, a fragment that follows the field's label ("must be at least 12 characters"). */
  message: string;
  /**
   * The values in the message (amounts, dates, document numbers), so a client can word it in
   * another language. `variant` names a wording of the code (e.g. `dated`, `positive`).
   */
  params?: Record<string, string>;
}

/** Stable error codes and the HTTP status each maps to. Clients branch on the code, never the text. */
export const ERROR_STATUS = {
  VALIDATION_FAILED: HttpStatus.BAD_REQUEST,
  BAD_REQUEST: HttpStatus.BAD_REQUEST,
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  INVALID_CREDENTIALS: HttpStatus.UNAUTHORIZED,
  CSRF_FAILED: HttpStatus.FORBIDDEN,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  METHOD_NOT_ALLOWED: HttpStatus.METHOD_NOT_ALLOWED,
  CONFLICT: HttpStatus.CONFLICT,
  EMAIL_TAKEN: HttpStatus.CONFLICT,
  ALREADY_MEMBER: HttpStatus.CONFLICT,
  LAST_OWNER: HttpStatus.CONFLICT,
  IDEMPOTENCY_IN_PROGRESS: HttpStatus.CONFLICT,
  INVITATION_INVALID: HttpStatus.GONE,
  PAYLOAD_TOO_LARGE: HttpStatus.PAYLOAD_TOO_LARGE,
  UNSUPPORTED_MEDIA_TYPE: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  IDEMPOTENCY_KEY_REUSED: HttpStatus.UNPROCESSABLE_ENTITY,
  RATE_LIMITED: HttpStatus.TOO_MANY_REQUESTS,
  // ledger
  UNBALANCED_ENTRY: HttpStatus.UNPROCESSABLE_ENTITY,
  ACCOUNT_INACTIVE: HttpStatus.UNPROCESSABLE_ENTITY,
  SYSTEM_ACCOUNT: HttpStatus.CONFLICT,
  ACCOUNT_CODE_TAKEN: HttpStatus.CONFLICT,
  ACCOUNT_HAS_BALANCE: HttpStatus.CONFLICT,
  ALREADY_REVERSED: HttpStatus.CONFLICT,
  ENTRY_NOT_REVERSIBLE: HttpStatus.CONFLICT,
  // catalog: delete refused because a document refers to the row; archive/deactivate instead
  CONTACT_IN_USE: HttpStatus.CONFLICT,
  PRODUCT_IN_USE: HttpStatus.CONFLICT,
  SKU_TAKEN: HttpStatus.CONFLICT,
  TAX_RATE_NAME_TAKEN: HttpStatus.CONFLICT,
  // inventory
  INSUFFICIENT_STOCK: HttpStatus.CONFLICT,
  LOCATION_CODE_TAKEN: HttpStatus.CONFLICT,
  LOCATION_IN_USE: HttpStatus.CONFLICT,
  VALUATION_LOCKED: HttpStatus.CONFLICT,
  COUNT_DRIFT: HttpStatus.CONFLICT,
  REORDER_RULE_EXISTS: HttpStatus.CONFLICT,
  // a reorder suggestion cannot become a purchase order while no purchasing module is wired in
  PURCHASE_ORDERS_UNAVAILABLE: HttpStatus.CONFLICT,
  // consent: a read outside the business without a live grant for its scope; a second open grant
  // to one recipient; a change to a grant that has ended; a consent act without a fresh password
  CONSENT_REFUSED: HttpStatus.FORBIDDEN,
  CONSENT_EXISTS: HttpStatus.CONFLICT,
  CONSENT_ENDED: HttpStatus.CONFLICT,
  PASSWORD_CONFIRMATION_REQUIRED: HttpStatus.FORBIDDEN,
  // invoice documents: the PDF is rendered in the background; retry shortly
  PDF_NOT_READY: HttpStatus.ACCEPTED,
  INTERNAL: HttpStatus.INTERNAL_SERVER_ERROR,
  UNAVAILABLE: HttpStatus.SERVICE_UNAVAILABLE,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** A domain error is a value with a stable code and a message a person can act on. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: { fields?: FieldError[]; retryAfterSeconds?: number } = {},
  ) {
    super(message);
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what: string) => new DomainError('NOT_FOUND', `${what} not found`);
export const forbidden = (message = 'You do not have permission to do this') => new DomainError('FORBIDDEN', message);
export const validationFailed = (fields: FieldError[]) =>
  new DomainError('VALIDATION_FAILED', fields.map((f) => `${f.field}: ${f.message}`).join('; '), { fields });
