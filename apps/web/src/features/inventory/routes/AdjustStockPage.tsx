import { useState } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../components/Field';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { ADJUSTMENT_REASONS, useCreateAdjustment, type AdjustmentReason } from '../api/create-adjustment';
import { useLocations } from '../api/get-locations';
import { useStockFormErrors } from '../components/line-errors';
import { StockFormLayout } from '../components/StockFormLayout';
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
    <StockFormLayout
      businessId={businessId}
      title={t('inventory.adjust.title')}
      testId="page-adjust-stock"
      placeFields={
        <>
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
        </>
      }
      date={date}
      onDate={setDate}
      note={note}
      onNote={setNote}
      fieldError={errors.field}
      linesTitle={t('inventory.adjust.linesTitle')}
      linesHint={t('inventory.adjust.linesHint')}
      lines={<StockLinesEditor businessId={businessId} locationId={location} mode="adjust" lines={lines} onChange={setLines} lineError={errors.lineError} />}
      error={errors.general}
      unplaced={errors.unplacedFieldMessages}
      submit={{ label: t('inventory.adjust.submit'), testId: 'save-adjustment', pending: adjust.isPending, onSubmit: submit }}
    />
  );
}
