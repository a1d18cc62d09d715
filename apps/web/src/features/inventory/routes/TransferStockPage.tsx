import { useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { SelectField, TextAreaField, TextField } from '../../../components/Field';
import { FormError } from '../../../components/FormError';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useCreateTransfer } from '../api/create-transfer';
import { useLocations } from '../api/get-locations';
import { useStockFormErrors } from '../components/line-errors';
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
    <div className="subpage" data-testid="page-transfer-stock">
      <Link className="back-link" to="/b/$businessId/inventory/stock" params={{ businessId }}>
        ← {t('inventory.stock.back')}
      </Link>
      <h2 className="subpage-title">{t('inventory.transfer.title')}</h2>
      {locations.isSuccess && items.length < 2 && (
        <div className="alert alert-info" data-testid="transfer-needs-locations">
          <p>
            {t('inventory.transfer.needsTwo')}{' '}
            <Link to="/b/$businessId/inventory/locations" params={{ businessId }}>
              {t('inventory.transfer.addLocation')}
            </Link>
          </p>
        </div>
      )}
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
              label={t('inventory.fields.from')}
              name="fromLocationId"
              value={from}
              onChange={(e) => setFromId(e.target.value)}
              error={errors.field('fromLocationId')}
              options={options}
            />
            <SelectField
              label={t('inventory.fields.to')}
              name="toLocationId"
              value={to}
              onChange={(e) => setToId(e.target.value)}
              error={errors.field('toLocationId')}
              options={options}
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
          <TextAreaField label={t('inventory.fields.note')} name="note" value={note} onChange={(e) => setNote(e.target.value)} error={errors.field('note')} rows={2} />
        </Card>
        <Card title={t('inventory.transfer.linesTitle')} description={t('inventory.transfer.linesHint')}>
          <StockLinesEditor businessId={businessId} locationId={from} mode="transfer" lines={lines} onChange={setLines} lineError={errors.lineError} />
        </Card>
        <FormError error={errors.general} extra={errors.unplacedFieldMessages} />
        <div className="form-actions">
          <Link className="btn btn-secondary btn-md" to="/b/$businessId/inventory/stock" params={{ businessId }}>
            {t('common.cancel')}
          </Link>
          <Button type="submit" pending={transfer.isPending} pendingLabel={t('common.saving')} data-testid="save-transfer">
            {t('inventory.transfer.submit')}
          </Button>
        </div>
      </form>
    </div>
  );
}
