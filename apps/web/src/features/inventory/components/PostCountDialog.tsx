import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { TextField } from '../../../components/Field';
import { isApiError } from '../../../lib/api';
import { useFormErrors } from '../../../lib/error-message';
import { useMoneyFormat } from '../../../lib/money';
import type { StockCount } from '../api/get-stock-counts';
import { usePostStockCount } from '../api/post-stock-count';

/**
 * Posting a count: what happens to lines nobody counted, and, when the books moved since the
 * snapshot, an explicit "counted is what is on the shelf now" before anything is booked.
 */
export function PostCountDialog({
  businessId,
  count,
  open,
  onClose,
  onDrift,
}: {
  businessId: string;
  count: StockCount;
  open: boolean;
  onClose: () => void;
  /** The server found drift the dialog did not know of: the lines to highlight. */
  onDrift: (lineIds: string[]) => void;
}) {
  const { t } = useTranslation();
  const money = useMoneyFormat();
  const post = usePostStockCount(businessId, count.id);
  const [uncounted, setUncounted] = useState<'skip' | 'zero'>('skip');
  const [acceptDrift, setAcceptDrift] = useState(false);
  const [date, setDate] = useState('');
  const driftError = isApiError(post.error, 'COUNT_DRIFT');
  const errors = useFormErrors(driftError ? null : post.error, ['date', 'uncounted']);
  const s = count.summary;
  const mustConfirmDrift = s.drifted > 0 || driftError;

  return (
    <ConfirmDialog
      open={open}
      title={t('inventory.counts.postTitle', { number: count.number })}
      confirmLabel={t('inventory.counts.post')}
      confirmVariant="primary"
      confirmDisabled={mustConfirmDrift && !acceptDrift}
      pending={post.isPending}
      error={errors.general}
      onCancel={() => {
        post.reset();
        onClose();
      }}
      onConfirm={() =>
        post.mutate(
          { uncounted, acceptDrift, ...(date ? { date } : {}) },
          {
            onSuccess: onClose,
            onError: (error) => {
              if (isApiError(error, 'COUNT_DRIFT')) onDrift(error.fields.map((f) => f.field.replace(/^lines\./, '')));
            },
          },
        )
      }
    >
      <div className="form dialog-form" data-testid="post-count-form">
        <p>{t('inventory.counts.postBody', { counted: s.counted, lines: s.lines, value: money.json(s.value) })}</p>
        {s.uncounted > 0 && (
          <fieldset className="choice-group">
            <legend className="field-label">{t('inventory.counts.uncountedLabel', { count: s.uncounted })}</legend>
            <label className="check">
              <input type="radio" name="uncounted" checked={uncounted === 'skip'} onChange={() => setUncounted('skip')} data-testid="uncounted-skip" />
              <span>{t('inventory.counts.uncountedSkip')}</span>
            </label>
            <label className="check">
              <input type="radio" name="uncounted" checked={uncounted === 'zero'} onChange={() => setUncounted('zero')} data-testid="uncounted-zero" />
              <span>{t('inventory.counts.uncountedZero')}</span>
            </label>
          </fieldset>
        )}
        {mustConfirmDrift && (
          <div className="alert alert-warning" role="alert" data-testid="post-drift">
            <div>
              <p>{driftError ? post.error!.message : t('inventory.counts.driftWarning', { count: s.drifted })}</p>
              <p className="alert-detail">{t('inventory.counts.driftExplain')}</p>
              <label className="check">
                <input type="checkbox" checked={acceptDrift} onChange={(e) => setAcceptDrift(e.target.checked)} data-testid="accept-drift" />
                <span>{t('inventory.counts.acceptDrift')}</span>
              </label>
            </div>
          </div>
        )}
        <TextField label={t('inventory.fields.date')} name="date" type="date" value={date} onChange={(e) => setDate(e.target.value)} error={errors.field('date')} hint={t('inventory.fields.dateHint')} />
      </div>
    </ConfirmDialog>
  );
}
