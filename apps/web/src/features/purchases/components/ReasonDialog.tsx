import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { TextAreaField } from '../../../components/Field';
import { useFormErrors } from '../../../lib/error-message';

/** Asks why before an action that cannot be undone (void, close, cancel); the reason is kept with the document. */
export function ReasonDialog({
  open,
  title,
  body,
  confirmLabel,
  pending,
  error,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: ReactNode;
  body: ReactNode;
  confirmLabel: ReactNode;
  pending: boolean;
  error: unknown;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const errors = useFormErrors(error, ['reason']);
  return (
    <ConfirmDialog
      open={open}
      title={title}
      confirmLabel={confirmLabel}
      confirmDisabled={!reason.trim()}
      autoFocusConfirm={false}
      pending={pending}
      error={errors.general}
      onCancel={onCancel}
      onConfirm={() => onConfirm(reason.trim())}
    >
      <p>{body}</p>
      <TextAreaField label={t('purchases.reason')} name="reason" value={reason} onChange={(e) => setReason(e.target.value)} error={errors.field('reason')} autoFocus />
    </ConfirmDialog>
  );
}
