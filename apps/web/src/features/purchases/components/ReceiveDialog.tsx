import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { SelectField, TextField } from '../../../components/Field';
import { ApiError } from '../../../lib/api';
import { useFormErrors } from '../../../lib/error-message';
import { todayIso } from '../../invoices/components/editor-lines';
import type { PurchaseOrder } from '../api/get-purchase-order';
import { useReceivingLocations } from '../api/get-locations';
import { useReceivePurchaseOrder } from '../api/receive-purchase-order';

const QUANTITY = /^\d+(\.\d{1,4})?$/;

/** What arrived, per line (pre-filled with everything outstanding), into which location and when. */
export function ReceiveDialog({ businessId, order, onClose }: { businessId: string; order: PurchaseOrder; onClose: () => void }) {
  const { t } = useTranslation();
  const receive = useReceivePurchaseOrder(businessId);
  const locations = useReceivingLocations(businessId);
  const open = order.lines.filter((l) => l.stocked && l.toReceiveQuantity !== '0');
  const outstanding = () => Object.fromEntries(open.map((l) => [l.id, l.toReceiveQuantity]));
  const [quantities, setQuantities] = useState<Record<string, string>>(outstanding);
  const [date, setDate] = useState(todayIso);
  const [locationId, setLocationId] = useState(order.location.id);
  const [reference, setReference] = useState('');
  const [empty, setEmpty] = useState(false);
  const sent = open.filter((l) => {
    const q = (quantities[l.id] ?? '').trim();
    return q !== '' && !(QUANTITY.test(q) && !/[1-9]/.test(q));
  });
  const errors = useFormErrors(receive.error, ['date', 'locationId', 'reference', ...sent.map((_, i) => `lines.${i}.quantity`)]);
  const lineError = (lineId: string) => {
    const index = sent.findIndex((l) => l.id === lineId);
    return index < 0 ? undefined : errors.field(`lines.${index}.quantity`);
  };
  const locationOptions = (locations.data?.items ?? []).map((l) => ({ value: l.id, label: `${l.name} (${l.code})` }));
  if (!locationOptions.some((o) => o.value === locationId)) locationOptions.unshift({ value: locationId, label: order.location.name });

  const submit = () => {
    if (sent.length === 0) {
      setEmpty(true);
      return;
    }
    receive.mutate(
      {
        purchaseOrderId: order.id,
        body: {
          date,
          locationId,
          ...(reference.trim() ? { reference: reference.trim() } : {}),
          lines: sent.map((l) => ({ purchaseOrderLineId: l.id, quantity: quantities[l.id].trim() })),
        },
      },
      { onSuccess: onClose },
    );
  };

  return (
    <ConfirmDialog
      open
      title={t('purchaseOrders.receiveTitle', { number: order.number ?? '' })}
      confirmLabel={t('purchaseOrders.receive')}
      confirmVariant="primary"
      autoFocusConfirm={false}
      pending={receive.isPending}
      error={errors.general ?? (empty ? new ApiError(400, 'NOTHING_TO_RECEIVE', t('purchaseOrders.receiveNothing')) : null)}
      onCancel={onClose}
      onConfirm={submit}
    >
      <p>{t('purchaseOrders.receiveBody')}</p>
      <div className="form receive-form" data-testid="receive-form">
        <div className="form-row">
          <TextField label={t('purchaseOrders.receiptDate')} name="date" type="date" value={date} onChange={(e) => setDate(e.target.value)} error={errors.field('date')} />
          <SelectField
            label={t('purchaseOrders.receiptLocation')}
            name="locationId"
            value={locationId}
            options={locationOptions}
            onChange={(e) => setLocationId(e.target.value)}
            error={errors.field('locationId')}
          />
        </div>
        <TextField label={t('purchaseOrders.receiptReference')} name="reference" value={reference} onChange={(e) => setReference(e.target.value)} error={errors.field('reference')} />
        <table className="table receive-table">
          <thead>
            <tr>
              <th scope="col">{t('invoices.lines.description')}</th>
              <th scope="col" className="align-end">{t('purchases.lines.toReceive')}</th>
              <th scope="col" className="align-end">{t('purchases.lines.received')}</th>
            </tr>
          </thead>
          <tbody>
            {open.map((l, row) => (
              <tr key={l.id}>
                <td>
                  {l.description}
                  {l.sku && <span className="muted mono small"> {l.sku}</span>}
                </td>
                <td className="align-end num">
                  {l.toReceiveQuantity} {l.unit}
                </td>
                <td className="align-end">
                  <input
                    className="input input-sm num receive-qty"
                    inputMode="decimal"
                    aria-label={t('purchases.lines.received')}
                    aria-invalid={lineError(l.id) ? true : undefined}
                    value={quantities[l.id] ?? ''}
                    onChange={(e) => {
                      setEmpty(false);
                      setQuantities({ ...quantities, [l.id]: e.target.value });
                    }}
                    data-testid={`receive-qty-${row}`}
                  />
                  {lineError(l.id) && (
                    <p className="field-error" data-testid={`field-error-receive-${row}`}>
                      {lineError(l.id)}
                    </p>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="row-actions">
          <Button variant="ghost" size="sm" onClick={() => setQuantities(outstanding())}>
            {t('purchaseOrders.receiveAll')}
          </Button>
          <Button variant="ghost" size="sm" onClick={() => setQuantities({})}>
            {t('purchaseOrders.receiveNone')}
          </Button>
        </div>
      </div>
    </ConfirmDialog>
  );
}
