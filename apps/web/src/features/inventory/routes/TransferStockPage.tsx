import { useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../components/Field';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useCreateTransfer } from '../api/create-transfer';
import { useLocations } from '../api/get-locations';
import { useStockFormErrors } from '../components/line-errors';
import { StockFormLayout } from '../components/StockFormLayout';
import { blankStockLine, isBlankStockLine, StockLinesEditor, type StockLine } from '../components/StockLinesEditor';

const FIELDS = ['fromLocationId', 'toLocationId', 'date', 'note'] as const;

/** Move stock between two locations at its cost (no journal entry unless a shortfall is trued up). */
export function TransferStockPage({ businessId }: { businessId: string }) {
  const { t } = useTranslation();
  useDocumentTitle(t('inventory.transfer.title'));
  const navigate = useNavigate();
  const locations = useLocations(businessId);
  const transfer = useCreateTransfer(businessId);
  const items = locations.data?.items ?? [];
  const [fromId, setFromId] = useState('');
  const [toId, setToId] = useState('');
  const [date, setDate] = useState('');
  const [note, setNote] = useState('');
  const [lines, setLines] = useState<StockLine[]>(() => [blankStockLine()]);
  const [sentKeys, setSentKeys] = useState<string[]>([]);
  const errors = useStockFormErrors(transfer.error, FIELDS, sentKeys);
  const from = fromId || items.find((l) => l.isDefault)?.id || '';
  const to = toId || items.find((l) => l.id !== from)?.id || '';
  const options = items.map((l) => ({ value: l.id, label: `${l.name} (${l.code})` }));

  const submit = () => {
    const sent = lines.filter((l) => !isBlankStockLine(l));
    setSentKeys(sent.map((l) => l.key));
    transfer.mutate(
      {
        fromLocationId: from,
        toLocationId: to,
        ...(date ? { date } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
        lines: sent.map((l) => ({ productId: l.product?.id ?? '', quantity: l.quantity.trim() })),
      },
      { onSuccess: (op) => void navigate({ to: '/b/$businessId/inventory/operations/$operationId', params: { businessId, operationId: op.id } }) },
    );
  };

  return (
    <StockFormLayout
      businessId={businessId}
      title={t('inventory.transfer.title')}
      testId="page-transfer-stock"
      notice={
        locations.isSuccess &&
        items.length < 2 && (
          <div className="alert alert-info" data-testid="transfer-needs-locations">
            <p>
              {t('inventory.transfer.needsTwo')}{' '}
              <Link to="/b/$businessId/inventory/locations" params={{ businessId }}>
                {t('inventory.transfer.addLocation')}
              </Link>
            </p>
          </div>
        )
      }
      placeFields={
        <>
          <SelectField label={t('inventory.fields.from')} name="fromLocationId" value={from} onChange={(e) => setFromId(e.target.value)} error={errors.field('fromLocationId')} options={options} />
          <SelectField label={t('inventory.fields.to')} name="toLocationId" value={to} onChange={(e) => setToId(e.target.value)} error={errors.field('toLocationId')} options={options} />
        </>
      }
      date={date}
      onDate={setDate}
      note={note}
      onNote={setNote}
      fieldError={errors.field}
      linesTitle={t('inventory.transfer.linesTitle')}
      linesHint={t('inventory.transfer.linesHint')}
      lines={<StockLinesEditor businessId={businessId} locationId={from} mode="transfer" lines={lines} onChange={setLines} lineError={errors.lineError} />}
      error={errors.general}
      unplaced={errors.unplacedFieldMessages}
      submit={{ label: t('inventory.transfer.submit'), testId: 'save-transfer', pending: transfer.isPending, onSubmit: submit }}
    />
  );
}
