import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button';
import { FormError } from './FormError';

/**
 * A modal question before a destructive action. Built on <dialog> so focus is trapped
 * and Escape cancels without extra code.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  confirmVariant = 'danger',
  confirmDisabled,
  autoFocusConfirm = true,
  pending,
  error,
  errorDetails,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: ReactNode;
  children?: ReactNode;
  confirmLabel: ReactNode;
  /** Not every confirmation destroys something: issuing an invoice is a primary action. */
  confirmVariant?: 'danger' | 'primary';
  confirmDisabled?: boolean;
  /** False when the dialog asks for input first (its first field takes focus instead). */
  autoFocusConfirm?: boolean;
  pending?: boolean;
  error?: unknown;
  /** Field errors the dialog has no field for (useFormErrors' unplacedFieldMessages), shown with the error. */
  errorDetails?: readonly string[];
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="dialog"
      data-testid="confirm-dialog"
      onCancel={(event) => {
        event.preventDefault();
        if (!pending) onCancel();
      }}
      onClick={(event) => {
        // A click on the backdrop lands on the <dialog> element itself.
        if (event.target === ref.current && !pending) onCancel();
      }}
    >
      {open && (
        <div className="dialog-body">
          <h2 className="dialog-title">{title}</h2>
          {children && <div className="dialog-text">{children}</div>}
          <FormError error={error} extra={errorDetails} />
          <div className="dialog-actions">
            <Button variant="secondary" onClick={onCancel} disabled={pending} data-testid="confirm-cancel">
              {t('common.cancel')}
            </Button>
            <Button
              variant={confirmVariant}
              onClick={onConfirm}
              pending={pending}
              disabled={confirmDisabled}
              data-testid="confirm-accept"
              autoFocus={autoFocusConfirm}
            >
              {confirmLabel}
            </Button>
          </div>
        </div>
      )}
    </dialog>
  );
}
