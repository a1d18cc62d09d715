import { useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { SelectField, TextAreaField, TextField } from '../../../components/Field';
import { FormError } from '../../../components/FormError';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { ADJUSTMENT_REASONS, useCreateAdjustment, type AdjustmentReason } from '../api/create-adjustment';
import { useLocations } from '../api/get-locations';
import { useStockFormErrors } from '../components/line-errors';
import { blankStockLine, isBlankStockLine, StockLinesEditor, type StockLine } from '../components/StockLinesEditor';

const FIELDS = ['locationId', 'date', 'reason', 'note'] as const;

/** Add or remove stock at one location with a reason; the difference is booked to inventory adjustments. */
export function AdjustStockPage({ businessId }: { businessId: string }) {
  const { t } = useTranslation();
  useDocumentTitle(t('inventory.adjust.title'));
  const navigate = useNavigate();
  const locations = useLocations(businessId);
  const adjust = useCreateAdjustment(businessId);
  const [locationId, setLocationId] = useState('');
  const [date, setDate] = useState('');
  const [reason, setReason] = useState<AdjustmentReason>('correction');
  const [note, setNote] = useState('');
  const [lines, setLines] = useState<StockLine[]>(() => [blankStockLine()]);
  const [sentKeys, setSentKeys] = useState<string[]>([]);
  const errors = useStockFormErrors(adjust.error, FIELDS, sentKeys);
  const location = locationId || locations.data?.items.find((l) => l.isDefault)?.id || '';

  const submit = () => {
    const sent = lines.filter((l) => !isBlankStockLine(l));
    setSentKeys(sent.map((l) => l.key));
    adjust.mutate(
      {
        locationId: location,
        reason,
        ...(date ? { date } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
        lines: sent.map((l) => ({
          productId: l.product?.id ?? '',
          quantityChange: l.quantity.trim().replace(/^\+/, ''),
          ...(l.unitCost.trim() ? { unitCost: l.unitCost.trim() } : {}),
        })),
      },
      { onSuccess: (op) => void navigate({ to: '/b/$businessId/inventory/operations/$operationId', params: { businessId, operationId: op.id } }) },
    );
  };

  return (
    <div className="subpage" data-testid="page-adjust-stock">
      <Link className="back-link" to="/b/$businessId/inventory/stock" params={{ businessId }}>
        ← {t('inventory.stock.back')}
      </Link>
      <h2 className="subpage-title">{t('inventory.adjust.title')}</h2>
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Card>
          <div className="form-row form-row-3">
            <SelectField
              label={t('inventory.fields.location')}
              name="locationId"
              value={location}
              onChange={(e) => setLocationId(e.target.value)}
              error={errors.field('locationId')}
              options={(locations.data?.items ?? []).map((l) => ({ value: l.id, label: `${l.name} (${l.code})` }))}
            />
            <SelectField
              label={t('inventory.fields.reason')}
              name="reason"
              value={reason}
              onChange={(e) => setReason(e.target.value as AdjustmentReason)}
              error={errors.field('reason')}
              options={ADJUSTMENT_REASONS.map((r) => ({ value: r, label: t(`inventory.reasons.${r}`) }))}
            />
            <TextField
              label={t('inventory.fields.date')}
              name="date"
              type="date"
              value={date}
              onChange={(e) => setDate(e.target.value)}
              error={errors.field('date')}
              hint={t('inventory.fields.dateHint')}
            />
          </div>
          <TextAreaField
            label={t('inventory.fields.note')}
            name="note"
            value={note}
            onChange={(e) => setNote(e.target.value)}
            error={errors.field('note')}
            rows={2}
          />
        </Card>
        <Card title={t('inventory.adjust.linesTitle')} description={t('inventory.adjust.linesHint')}>
          <StockLinesEditor businessId={businessId} locationId={location} mode="adjust" lines={lines} onChange={setLines} lineError={errors.lineError} />
        </Card>
        <FormError error={errors.general} extra={errors.unplacedFieldMessages} />
        <div className="form-actions">
          <Link className="btn btn-secondary btn-md" to="/b/$businessId/inventory/stock" params={{ businessId }}>
            {t('common.cancel')}
          </Link>
          <Button type="submit" pending={adjust.isPending} pendingLabel={t('common.saving')} data-testid="save-adjustment">
            {t('inventory.adjust.submit')}
          </Button>
        </div>
      </form>
    </div>
  );
}
