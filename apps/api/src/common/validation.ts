import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, validationFailed } from './errors';

const CODES: Record<string, string> = {
  isEmail: 'invalid_email',
  minLength: 'too_short',
  maxLength: 'too_long',
  isNotEmpty: 'required',
  isDefined: 'required',
  isIn: 'invalid_choice',
  isEnum: 'invalid_choice',
  isUUID: 'invalid_id',
  whitelistValidation: 'unknown_field',
  isInt: 'not_an_integer',
  min: 'too_small',
  max: 'too_large',
  matches: 'invalid_format',
  isString: 'not_a_string',
};

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([constraint, message]) => ({
      field,
      code: CODES[constraint] ?? snake(constraint),
      // class-validator prefixes messages with the property name; the field already says it.
      message: message.startsWith(`${e.property} `) ? message.slice(e.property.length + 1) : message,
    }));
    return [...own, ...flattenValidationErrors(e.children ?? [], field)];
  });
}

/** Whitelisting validation: unknown fields are refused (named), known ones converted to their types. */
export const validationPipe = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  stopAtFirstError: true,
  exceptionFactory: (errors) => validationFailed(flattenValidationErrors(errors)),
});
