import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { TextField } from '../../../components/Field';
import { FormError } from '../../../components/FormError';
import { useFormErrors } from '../../../lib/error-message';
import { todayIso } from '../../invoices/components/editor-lines';
import { useCreateShipment } from '../api/create-shipment';
import type { SalesOrder } from '../api/get-sales-order';

type Shipped = { id: string; number: string };

/**
 * Records a shipment of some or all of what is left: one quantity per stocked line, starting at
 * what is reserved for it (the goods set aside). Shipping more than is reserved takes free stock.
 */
export function ShipmentForm({ businessId, order, onDone, onCancel }: { businessId: string; order: SalesOrder; onDone: (s: Shipped) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const ship = useCreateShipment(businessId);
  const rows = order.lines.filter((l) => l.stocked && l.toShip !== '0');
  const [shipDate, setShipDate] = useState(todayIso);
  const [notes, setNotes] = useState('');
  const [quantities, setQuantities] = useState<Record<string, string>>(() =>
    Object.fromEntries(rows.map((l) => [l.id, l.reserved === '0' ? '' : l.reserved])),
  );
  const [sent, setSent] = useState<string[]>([]);
  const [empty, setEmpty] = useState(false);
  const errors = useFormErrors(ship.error, ['shipDate', 'notes', 'lines', ...sent.flatMap((_, i) => [`lines.${i}.quantity`, `lines.${i}.orderLineId`])]);
  const rowError = (lineId: string) => {
    const i = sent.indexOf(lineId);
    return i < 0 ? undefined : (errors.field(`lines.${i}.quantity`) ?? errors.field(`lines.${i}.orderLineId`));
  };

  const submit = () => {
    const lines = rows
      .map((l) => ({ orderLineId: l.id, quantity: (quantities[l.id] ?? '').trim() }))
      .filter((l) => l.quantity !== '' && !/^0*(\.0*)?$/.test(l.quantity));
    setEmpty(lines.length === 0);
    if (lines.length === 0) return;
    setSent(lines.map((l) => l.orderLineId));
    ship.mutate(
      { orderId: order.id, body: { shipDate, ...(notes.trim() ? { notes: notes.trim() } : {}), lines } },
      { onSuccess: (s) => onDone({ id: s.id, number: s.number }) },
    );
  };

  return (
    <Card title={t('salesOrders.ship.title')} description={t('salesOrders.ship.description', { location: order.location.name })} testId="shipment-form">
      <div className="table-wrap">
        <table className="table ship-table">
          <thead>
            <tr>
              <th scope="col">{t('invoices.lines.description')}</th>
              <th scope="col" className="align-end">{t('salesOrders.lines.toShip')}</th>
              <th scope="col" className="align-end">{t('salesOrders.lines.reserved')}</th>
              <th scope="col" className="align-end">{t('salesOrders.ship.now')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((l, row) => {
              const error = rowError(l.id);
              return (
                <tr key={l.id} className={error ? 'row-invalid' : undefined}>
                  <td>
                    {l.description}
                    {error && (
                      <span className="field-error" data-testid={`ship-error-${row}`}>
                        {error}
                      </span>
                    )}
                  </td>
                  <td data-label={t('salesOrders.lines.toShip')} className="align-end num">{l.toShip}</td>
                  <td data-label={t('salesOrders.lines.reserved')} className="align-end num">{l.reserved}</td>
                  <td data-label={t('salesOrders.ship.now')} className="align-end">
                    <input
                      className="input input-sm num ship-qty"
                      inputMode="decimal"
                      placeholder="0"
                      aria-label={t('salesOrders.ship.quantityOf', { line: l.description })}
                      aria-invalid={error ? true : undefined}
                      value={quantities[l.id] ?? ''}
                      onChange={(e) => setQuantities({ ...quantities, [l.id]: e.target.value })}
                      data-testid={`ship-qty-${row}`}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="form">
        <div className="form-row">
          <TextField label={t('salesOrders.ship.date')} name="shipDate" type="date" value={shipDate} onChange={(e) => setShipDate(e.target.value)} error={errors.field('shipDate')} />
          <TextField label={t('salesOrders.ship.notes')} name="notes" value={notes} onChange={(e) => setNotes(e.target.value)} error={errors.field('notes')} hint={t('salesOrders.ship.notesHint')} />
        </div>
        {empty && <p className="field-error">{t('salesOrders.ship.nothing')}</p>}
        <p className="muted small">{t('salesOrders.ship.final')}</p>
        <FormError error={errors.general} extra={errors.unplacedFieldMessages} />
        <div className="form-actions">
          <Button variant="secondary" onClick={onCancel} disabled={ship.isPending}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} pending={ship.isPending} data-testid="submit-shipment">
            {t('salesOrders.ship.submit')}
          </Button>
        </div>
      </div>
    </Card>
  );
}
