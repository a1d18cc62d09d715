import type { ReactNode } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { TextAreaField, TextField } from '../../../components/Field';
import { FormError } from '../../../components/FormError';

/**
 * The frame of a manual stock operation (adjustment, transfer): where and when, a note, the lines,
 * and the errors the API gave that belong to no field or line.
 */
export function StockFormLayout({
  businessId,
  title,
  testId,
  notice,
  placeFields,
  date,
  onDate,
  note,
  onNote,
  fieldError,
  linesTitle,
  linesHint,
  lines,
  error,
  unplaced,
  submit,
}: {
  businessId: string;
  title: string;
  testId: string;
  notice?: ReactNode;
  /** The location fields that start the first row (two of them). */
  placeFields: ReactNode;
  date: string;
  onDate: (date: string) => void;
  note: string;
  onNote: (note: string) => void;
  fieldError: (name: string) => string | undefined;
  linesTitle: string;
  linesHint: string;
  lines: ReactNode;
  error: unknown;
  unplaced: readonly string[];
  submit: { label: string; testId: string; pending: boolean; onSubmit: () => void };
}) {
  const { t } = useTranslation();
  return (
    <div className="subpage" data-testid={testId}>
      <Link className="back-link" to="/b/$businessId/inventory/stock" params={{ businessId }}>
        ← {t('inventory.stock.back')}
      </Link>
      <h2 className="subpage-title">{title}</h2>
      {notice}
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit.onSubmit();
        }}
      >
        <Card>
          <div className="form-row form-row-3">
            {placeFields}
            <TextField
              label={t('inventory.fields.date')}
              name="date"
              type="date"
              value={date}
              onChange={(e) => onDate(e.target.value)}
              error={fieldError('date')}
              hint={t('inventory.fields.dateHint')}
            />
          </div>
          <TextAreaField label={t('inventory.fields.note')} name="note" value={note} onChange={(e) => onNote(e.target.value)} error={fieldError('note')} rows={2} />
        </Card>
        <Card title={linesTitle} description={linesHint}>
          {lines}
        </Card>
        <FormError error={error} extra={unplaced} />
        <div className="form-actions">
          <Link className="btn btn-secondary btn-md" to="/b/$businessId/inventory/stock" params={{ businessId }}>
            {t('common.cancel')}
          </Link>
          <Button type="submit" pending={submit.pending} pendingLabel={t('common.saving')} data-testid={submit.testId}>
            {submit.label}
          </Button>
        </div>
      </form>
    </div>
  );
}
