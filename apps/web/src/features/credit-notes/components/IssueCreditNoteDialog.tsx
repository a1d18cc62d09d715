import { useState } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { TextAreaField, TextField } from '../../../components/Field';
import { compareDecimal, isDecimal } from '../../../lib/decimal';
import { useFormErrors } from '../../../lib/error-message';
import { moneyInputValue, type MoneyJson } from '../../../lib/money';
import { useCreateCreditNote } from '../api/create-credit-note';

export type CreditableInvoice = {
  id: string;
  number: string;
  untouched: boolean;
  lines: readonly {
    id: string;
    description: string;
    quantity: string;
    unitPrice: MoneyJson;
    discountPercent: string;
    taxRateId: string | null;
  }[];
};

function todayIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const isZero = (q: string) => !q.trim() || /^0*(\.0*)?$/.test(q.trim());

/** Credits the whole invoice (only while untouched) or chosen quantities of its lines. */
export function IssueCreditNoteDialog({
  businessId,
  invoice,
  open,
  onClose,
}: {
  businessId: string;
  invoice: CreditableInvoice;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateCreditNote(businessId);
  const [mode, setMode] = useState<'full' | 'partial'>(invoice.untouched ? 'full' : 'partial');
  const [reason, setReason] = useState('');
  const [date, setDate] = useState(todayIso);
  const [quantities, setQuantities] = useState<Record<string, string>>({});
  const chosen = invoice.lines.filter((line) => !isZero(quantities[line.id] ?? ''));
  const lineFields = invoice.lines.map((_, i) => `lines.${i}.quantity`);
  const errors = useFormErrors(create.error, ['reason', 'date', 'lines', ...lineFields]);
  // More than was invoiced is never right: said at once, under the line, before asking the API.
  const overInvoiced = (line: CreditableInvoice['lines'][number]) => {
    const q = (quantities[line.id] ?? '').trim();
    return isDecimal(q) && compareDecimal(q, line.quantity) > 0;
  };
  const anyOverInvoiced = mode === 'partial' && invoice.lines.some(overInvoiced);

  const submit = () =>
    create.mutate(
      {
        invoiceId: invoice.id,
        date,
        reason: reason.trim(),
        lines:
          mode === 'full'
            ? undefined
            : chosen.map((line) => ({
                description: line.description,
                quantity: (quantities[line.id] ?? '').trim(),
                unitPrice: moneyInputValue(line.unitPrice),
                discountPercent: line.discountPercent,
                taxRateId: line.taxRateId,
              })),
      },
      {
        onSuccess: (note) => {
          onClose();
          void navigate({ to: '/b/$businessId/sales/credit-notes/$creditNoteId', params: { businessId, creditNoteId: note.id } });
        },
      },
    );

  return (
    <ConfirmDialog
      open={open}
      title={t('creditNotes.issueTitle', { number: invoice.number })}
      confirmLabel={t('creditNotes.issueSubmit')}
      confirmVariant="danger"
      autoFocusConfirm={false}
      confirmDisabled={!reason.trim() || (mode === 'partial' && (chosen.length === 0 || anyOverInvoiced))}
      pending={create.isPending}
      error={errors.general}
      errorDetails={errors.unplacedFieldMessages}
      onCancel={onClose}
      onConfirm={submit}
    >
      <div className="dialog-form" data-testid="credit-note-form">
        <div className="radio-row" role="radiogroup">
          <label className="check">
            <input type="radio" name="mode" checked={mode === 'full'} disabled={!invoice.untouched} onChange={() => setMode('full')} data-testid="credit-full" />
            <span>{t('creditNotes.full')}</span>
          </label>
          <label className="check">
            <input type="radio" name="mode" checked={mode === 'partial'} onChange={() => setMode('partial')} data-testid="credit-partial" />
            <span>{t('creditNotes.partial')}</span>
          </label>
          {!invoice.untouched && <p className="field-hint">{t('creditNotes.fullHint')}</p>}
        </div>
        {mode === 'partial' &&
          invoice.lines.map((line, i) => (
            <TextField
              key={line.id}
              label={`${line.description} (≤ ${line.quantity})`}
              name={`line-${i}-quantity`}
              inputMode="decimal"
              placeholder="0"
              value={quantities[line.id] ?? ''}
              onChange={(e) => setQuantities((q) => ({ ...q, [line.id]: e.target.value }))}
              error={
                overInvoiced(line)
                  ? t('creditNotes.moreThanInvoiced', { quantity: line.quantity })
                  : errors.field(`lines.${chosen.indexOf(line)}.quantity`)
              }
            />
          ))}
        {errors.field('lines') && (
          <p className="field-error" role="alert" data-testid="credit-note-lines-error">
            {errors.field('lines')}
          </p>
        )}
        <TextField label={t('creditNotes.date')} name="date" type="date" value={date} onChange={(e) => setDate(e.target.value)} error={errors.field('date')} />
        <TextAreaField label={t('creditNotes.reason')} name="reason" value={reason} onChange={(e) => setReason(e.target.value)} error={errors.field('reason')} />
      </div>
    </ConfirmDialog>
  );
}
