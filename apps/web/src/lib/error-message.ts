import { useTranslation } from 'react-i18next';
import { ApiError, NETWORK_ERROR, type FieldError } from './api';

// Codes from the API contract that get a message written for people; any other code
// falls back to the API's own message.
const KNOWN_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'CSRF_FAILED',
  'FORBIDDEN',
  'NOT_FOUND',
  'EMAIL_TAKEN',
  'INVALID_CREDENTIALS',
  'RATE_LIMITED',
  'IDEMPOTENCY_KEY_REUSED',
  'IDEMPOTENCY_IN_PROGRESS',
  'INVITATION_INVALID',
  'LAST_OWNER',
  'ALREADY_MEMBER',
  'CONTACT_IN_USE',
  'PRODUCT_IN_USE',
  'SKU_TAKEN',
  'TAX_RATE_NAME_TAKEN',
  'CONSENT_EXISTS',
  'CONSENT_ENDED',
  'PASSWORD_CONFIRMATION_REQUIRED',
  NETWORK_ERROR,
] as const;

type KnownCode = (typeof KNOWN_CODES)[number];

function isKnownCode(code: string): code is KnownCode {
  return (KNOWN_CODES as readonly string[]).includes(code);
}

export function useErrorMessage() {
  const { t } = useTranslation();
  return (error: unknown): string => {
    if (error instanceof ApiError) {
      if (isKnownCode(error.code)) return t(`errors.${error.code}`);
      if (error.status >= 500) return t('errors.server');
      return error.message || t('errors.unknown');
    }
    return t('errors.unknown');
  };
}

const FIELD_CODES = [
  'required',
  'invalid_email',
  'too_short',
  'too_long',
  'invalid_choice',
  'invalid_format',
  'taken',
  'already_member',
  'too_small',
  'too_large',
  'wrong_password',
  'widening',
  'not_later',
  'unchanged',
  'not_found',
  'not_allowed',
] as const;

type FieldCode = (typeof FIELD_CODES)[number];

function isFieldCode(code: string): code is FieldCode {
  return (FIELD_CODES as readonly string[]).includes(code);
}

/**
 * The API words field messages in English as fragments that follow the label
 * ("must be at least 12 characters"). English readers get that text, capitalised; other
 * languages get a translation by code, keeping any number the API stated.
 */
export function useFieldErrorMessage() {
  const { t, i18n } = useTranslation();
  return (fieldError: FieldError): string => {
    const message = fieldError.message.trim();
    if (i18n.language.startsWith('en') || !isFieldCode(fieldError.code)) {
      return message ? message.charAt(0).toUpperCase() + message.slice(1) : t(`fieldErrors.required`);
    }
    const limit = /\d+/.exec(message)?.[0] ?? '';
    return t(`fieldErrors.${fieldError.code}`, { limit });
  };
}

/**
 * Splits an API error between the form's fields (shown under each field) and the
 * general message (shown above the submit button), so no field error is ever lost.
 */
export function useFormErrors(error: unknown, fieldNames: readonly string[]) {
  const fieldMessage = useFieldErrorMessage();
  const apiError = error instanceof ApiError ? error : null;
  const onFields = apiError?.fields.filter((f) => fieldNames.includes(f.field)) ?? [];
  const elsewhere = apiError?.fields.filter((f) => !fieldNames.includes(f.field)) ?? [];
  const showGeneral = error != null && (onFields.length === 0 || elsewhere.length > 0);
  return {
    field: (name: string) => {
      const found = onFields.find((f) => f.field === name);
      return found ? fieldMessage(found) : undefined;
    },
    general: showGeneral ? error : null,
    unplacedFieldMessages: onFields.length > 0 ? elsewhere.map((f) => `${f.field}: ${fieldMessage(f)}`) : [],
  };
}
