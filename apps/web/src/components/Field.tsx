import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

type FieldChrome = {
  label: ReactNode;
  name: string;
  /** The API's message for this field, shown under it. */
  error?: string;
  hint?: ReactNode;
};

function FieldFrame({
  id,
  label,
  name,
  error,
  hint,
  children,
}: FieldChrome & { id: string; children: ReactNode }) {
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children}
      {hint && !error && (
        <p className="field-hint" id={`${id}-hint`} data-testid={`field-hint-${name}`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`} data-testid={`field-error-${name}`}>
          {error}
        </p>
      )}
    </div>
  );
}

function describedBy(id: string, error?: string, hint?: ReactNode) {
  if (error) return `${id}-error`;
  return hint ? `${id}-hint` : undefined;
}

export function TextField({
  label,
  name,
  error,
  hint,
  ...input
}: FieldChrome & Omit<InputHTMLAttributes<HTMLInputElement>, 'name'>) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} name={name} error={error} hint={hint}>
      <input
        id={id}
        name={name}
        className="input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        data-testid={`field-${name}`}
        {...input}
      />
    </FieldFrame>
  );
}

export type SelectOption = { value: string; label: string };

export function SelectField({
  label,
  name,
  error,
  hint,
  options,
  ...select
}: FieldChrome & { options: readonly SelectOption[] } & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name'>) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} name={name} error={error} hint={hint}>
      <select
        id={id}
        name={name}
        className="input select"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        data-testid={`field-${name}`}
        {...select}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export function TextAreaField({
  label,
  name,
  error,
  hint,
  ...textarea
}: FieldChrome & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name'>) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} name={name} error={error} hint={hint}>
      <textarea
        id={id}
        name={name}
        className="input textarea"
        rows={3}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        data-testid={`field-${name}`}
        {...textarea}
      />
    </FieldFrame>
  );
}

/** A checkbox with its label beside it; the API's message (if any) below. */
export function CheckboxField({
  label,
  name,
  error,
  hint,
  ...input
}: FieldChrome & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'type'>) {
  const id = useId();
  return (
    <div className={`field field-check${error ? ' field-invalid' : ''}`}>
      <label className="check" htmlFor={id}>
        <input id={id} name={name} type="checkbox" data-testid={`field-${name}`} aria-describedby={describedBy(id, error, hint)} {...input} />
        <span>{label}</span>
      </label>
      {hint && !error && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`} data-testid={`field-error-${name}`}>
          {error}
        </p>
      )}
    </div>
  );
}
