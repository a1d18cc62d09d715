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

/**
 * Features word their own codes in their own strings (`<feature>.errors.<CODE>` and
 * `<feature>.fieldErrors.<code>`), so a new feature does not edit the shared string files.
 */
const FEATURE_STRINGS = ['inventory'] as const;

function featureKey(i18n: { exists: (key: string) => boolean }, kind: 'errors' | 'fieldErrors', code: string): string | null {
  for (const feature of FEATURE_STRINGS) {
    const key = `${feature}.${kind}.${code}`;
    if (i18n.exists(key)) return key;
  }
  return null;
}

export function useErrorMessage() {
  const { t, i18n } = useTranslation();
  return (error: unknown): string => {
    if (error instanceof ApiError) {
      if (isKnownCode(error.code)) return t(`errors.${error.code}`);
      const own = featureKey(i18n, 'errors', error.code);
      if (own) return t(own as never);
      if (error.status >= 500) return t('errors.server');
      return error.message || t('errors.unknown');
    }
    return t('errors.unknown');
  };
}

/**
 * The API words field messages in English as fragments that follow the label
 * ("must be at least 12 characters"). English readers get that text, capitalised, unless the
 * API sent `params` (the values in a domain message: amounts, dates, document numbers), which
 * the app words itself; other languages always get the translation of the code
 * (`fieldErrors.<code>`, in the wording `params.variant` names) filled with `params`, or any
 * number the API stated as `limit`. A code without a translation falls back to the API's English.
 */
export function useFieldErrorMessage() {
  const { t, i18n } = useTranslation();
  return (fieldError: FieldError): string => {
    const message = fieldError.message.trim();
    const english = message ? message.charAt(0).toUpperCase() + message.slice(1) : t('fieldErrors.required');
    // A feature's own codes live under its own strings (e.g. inventory.fieldErrors.insufficient_stock).
    const key = i18n.exists(`fieldErrors.${fieldError.code}`) ? `fieldErrors.${fieldError.code}` : featureKey(i18n, 'fieldErrors', fieldError.code);
    if ((i18n.language.startsWith('en') && !fieldError.params) || !key) return english;
    const limit = /-?\d+(\.\d+)?/.exec(message)?.[0] ?? '';
    const params = fieldError.params ?? {};
    return t(key as 'fieldErrors.required', { limit, ...params, context: params.variant });
  };
}

/**
 * Splits an API error between the form's fields (shown under each field) and the
 * general message (shown above the submit button) with every field error that has no
 * field on the form (`unplacedFieldMessages`), so no field error is ever lost.
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
    unplacedFieldMessages: elsewhere.map((f) => fieldMessage(f)),
  };
}
