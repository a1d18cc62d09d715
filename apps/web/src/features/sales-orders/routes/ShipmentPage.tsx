import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { ErrorState } from '../../../components/ErrorState';
import { PageSpinner } from '../../../components/Spinner';
import { useFormatters } from '../../../lib/format';
import { useMoneyFormat } from '../../../lib/money';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useShipment } from '../api/get-shipment';

/** A shipment as a delivery note: what left, from where, for which order; printable. */
export function ShipmentPage({ businessId, businessName, shipmentId }: { businessId: string; businessName: string; shipmentId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const money = useMoneyFormat();
  const shipment = useShipment(businessId, shipmentId);
  useDocumentTitle(shipment.data ? t('salesOrders.deliveryNote.title', { number: shipment.data.number }) : undefined);

  if (shipment.isPending) return <PageSpinner />;
  if (shipment.isError) return <ErrorState error={shipment.error} onRetry={() => void shipment.refetch()} retrying={shipment.isFetching} />;
  const s = shipment.data;
  return (
    <div className="subpage delivery-note" data-testid="page-shipment">
      <Link className="back-link no-print" to="/b/$businessId/sales/orders/$orderId" params={{ businessId, orderId: s.order.id }}>
        ← {t('salesOrders.deliveryNote.back', { number: s.order.number })}
      </Link>
      <p className="print-only delivery-note-sender">{businessName}</p>
      <div className="subpage-head">
        <h2 className="subpage-title" data-testid="shipment-number">
          {t('salesOrders.deliveryNote.title', { number: s.number })}
        </h2>
        <Button variant="secondary" className="no-print" onClick={() => window.print()} data-testid="print-delivery-note">
          {t('salesOrders.deliveryNote.print')}
        </Button>
      </div>
      <Card>
        <dl className="facts">
          <div>
            <dt>{t('salesOrders.deliveryNote.shipTo')}</dt>
            <dd>{s.contact.name}</dd>
          </div>
          <div>
            <dt>{t('salesOrders.deliveryNote.order')}</dt>
            <dd>{s.order.number}</dd>
          </div>
          <div>
            <dt>{t('salesOrders.ship.date')}</dt>
            <dd>{format.date(`${s.shipDate}T00:00:00`)}</dd>
          </div>
          <div>
            <dt>{t('salesOrders.deliveryNote.from')}</dt>
            <dd>
              {s.location.code} · {s.location.name}
            </dd>
          </div>
        </dl>
        {s.notes && <p className="pre-wrap">{s.notes}</p>}
      </Card>
      <Card title={t('salesOrders.deliveryNote.goods')}>
        <div className="table-wrap">
          <table className="table" data-testid="shipment-lines">
            <thead>
              <tr>
                <th scope="col">{t('salesOrders.deliveryNote.sku')}</th>
                <th scope="col">{t('invoices.lines.description')}</th>
                <th scope="col" className="align-end">{t('invoices.lines.quantity')}</th>
                <th scope="col" className="align-end no-print">{t('salesOrders.deliveryNote.cost')}</th>
              </tr>
            </thead>
            <tbody>
              {s.lines.map((l) => (
                <tr key={l.orderLineId}>
                  <td className="mono">{l.sku}</td>
                  <td>{l.description}</td>
                  <td data-label={t('invoices.lines.quantity')} className="align-end num">
                    {l.quantity} {l.unit}
                  </td>
                  <td data-label={t('salesOrders.deliveryNote.cost')} className="align-end num no-print">{money.json(l.cost)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="muted small no-print">{t('salesOrders.deliveryNote.costHint', { cost: money.json(s.cost) })}</p>
        <div className="signature-lines print-only">
          <span>{t('salesOrders.deliveryNote.receivedBy')}</span>
          <span>{t('salesOrders.deliveryNote.date')}</span>
        </div>
      </Card>
    </div>
  );
}
