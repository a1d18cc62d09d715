import { useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorState } from '../../../components/ErrorState';
import { TextAreaField } from '../../../components/Field';
import { FormError } from '../../../components/FormError';
import { Icon } from '../../../components/Icon';
import { PageSpinner } from '../../../components/Spinner';
import { useFormErrors } from '../../../lib/error-message';
import { useFormatters } from '../../../lib/format';
import { useMoneyFormat } from '../../../lib/money';
import { allows, type Permissions } from '../../../lib/permissions';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { InvoiceStatusBadge } from '../../invoices/components/InvoiceStatusBadge';
import { DocumentNotes } from '../../sales-documents/components/DocumentNotes';
import { DocumentTotals } from '../../sales-documents/components/DocumentTotals';
import { useCancelSalesOrder } from '../api/cancel-sales-order';
import { useConfirmSalesOrder } from '../api/confirm-sales-order';
import { useSalesOrder } from '../api/get-sales-order';
import { useReserveSalesOrder } from '../api/reserve-sales-order';
import { InvoiceOrderDialog } from '../components/InvoiceOrderDialog';
import { OrderLinesProgress } from '../components/OrderLinesProgress';
import { OrderStatusBadges } from '../components/OrderStatusBadges';
import { ShipmentForm } from '../components/ShipmentForm';

type Dialog = 'confirm' | 'cancel' | 'invoice' | null;

export function SalesOrderDetailPage({ businessId, orderId, permissions, baseCurrency }: { businessId: string; orderId: string; permissions: Permissions; baseCurrency: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const format = useFormatters();
  const money = useMoneyFormat();
  const order = useSalesOrder(businessId, orderId);
  const confirm = useConfirmSalesOrder(businessId);
  const reserve = useReserveSalesOrder(businessId);
  const cancel = useCancelSalesOrder(businessId);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [shipping, setShipping] = useState(false);
  const [shipped, setShipped] = useState<{ id: string; number: string } | null>(null);
  const [reason, setReason] = useState('');
  const cancelErrors = useFormErrors(cancel.error, ['reason']);
  useDocumentTitle(order.data?.number ?? t('salesOrders.title'));

  if (order.isPending) return <PageSpinner />;
  if (order.isError) return <ErrorState error={order.error} onRetry={() => void order.refetch()} retrying={order.isFetching} />;
  const o = order.data;
  const date = (iso: string) => format.date(`${iso}T00:00:00`);
  const canWrite = allows(permissions, 'sales_orders.write');
  const confirmed = o.status === 'confirmed';
  const canShip = confirmed && allows(permissions, 'sales_orders.fulfil') && o.lines.some((l) => l.toShip !== '0');
  const canInvoice = confirmed && allows(permissions, 'invoices.issue') && o.lines.some((l) => l.toInvoice !== '0');
  const canCancel = canWrite && o.status !== 'cancelled' && o.shipments.length === 0 && o.invoices.length === 0;
  const backOrderedLines = o.lines.filter((l) => l.backOrdered !== '0');
  const show = (d: Dialog) => {
    confirm.reset();
    cancel.reset();
    setDialog(d);
  };

  return (
    <div className="subpage" data-testid="page-order">
      <Link className="back-link" to="/b/$businessId/sales/orders" params={{ businessId }}>
        ← {t('salesOrders.back')}
      </Link>
      <div className="subpage-head">
        <h2 className="subpage-title" data-testid="order-number">
          {o.number} <OrderStatusBadges order={o} />
        </h2>
        <div className="page-actions">
          {o.status === 'draft' && canWrite && (
            <>
              <Button onClick={() => show('confirm')} data-testid="confirm-order">
                {t('salesOrders.confirm')}
              </Button>
              <Link className="btn btn-secondary btn-md" to="/b/$businessId/sales/orders/$orderId/edit" params={{ businessId, orderId }} data-testid="edit-order">
                {t('common.edit')}
              </Link>
            </>
          )}
          {canShip && !shipping && (
            <Button onClick={() => { setShipped(null); setShipping(true); }} data-testid="ship-order">
              {t('salesOrders.shipAction')}
            </Button>
          )}
          {canInvoice && (
            <Button variant={canShip ? 'secondary' : 'primary'} onClick={() => show('invoice')} data-testid="invoice-order">
              {t('salesOrders.invoiceAction')}
            </Button>
          )}
          {canCancel && (
            <Button variant="ghost" className="text-danger" onClick={() => { setReason(''); show('cancel'); }} data-testid="cancel-order">
              {t('salesOrders.cancel')}
            </Button>
          )}
        </div>
      </div>

      {confirmed && backOrderedLines.length > 0 && (
        <div className="alert alert-warning back-order-note" role="status" data-testid="back-order-note">
          <Icon name="alert" />
          <div>
            <p>
              <strong>{t('salesOrders.backOrder.title', { count: backOrderedLines.length })}</strong>{' '}
              {t('salesOrders.backOrder.body', { location: o.location.name })}
            </p>
            <ul>
              {backOrderedLines.map((l) => (
                <li key={l.id}>{t('salesOrders.backOrder.line', { description: l.description, waiting: l.backOrdered, ordered: l.quantity })}</li>
              ))}
            </ul>
            {canWrite && (
              <Button size="sm" variant="secondary" pending={reserve.isPending} onClick={() => reserve.mutate(orderId)} data-testid="reserve-again">
                {t('salesOrders.backOrder.retry')}
              </Button>
            )}
            {reserve.isSuccess && !reserve.isPending && (
              <p className="small" data-testid="reserve-result">{t('salesOrders.backOrder.stillShort')}</p>
            )}
            <FormError error={reserve.error} />
          </div>
        </div>
      )}
      {reserve.isSuccess && backOrderedLines.length === 0 && confirmed && (
        <p className="alert alert-success" role="status" data-testid="reserve-result">
          <Icon name="check" />
          <span>{t('salesOrders.backOrder.filled')}</span>
        </p>
      )}
      {o.status === 'cancelled' && (
        <p className="alert alert-warning" role="status">
          {t('salesOrders.cancelledNote', { reason: o.cancelReason ?? '' })}
        </p>
      )}
      {o.completed && (
        <p className="alert alert-success" role="status" data-testid="order-completed">
          <Icon name="check" />
          <span>{t('salesOrders.completedNote')}</span>
        </p>
      )}
      {shipped && !shipping && (
        <p className="alert alert-success" role="status" data-testid="shipment-recorded">
          <Icon name="check" />
          <span>{t('salesOrders.ship.recorded', { number: shipped.number })}</span>
          <Link to="/b/$businessId/sales/shipments/$shipmentId" params={{ businessId, shipmentId: shipped.id }}>
            {t('salesOrders.ship.viewNote')}
          </Link>
        </p>
      )}

      {shipping && (
        <ShipmentForm
          key={o.shipments.length}
          businessId={businessId}
          order={o}
          onCancel={() => setShipping(false)}
          onDone={(s) => {
            setShipping(false);
            setShipped(s);
          }}
        />
      )}

      <Card>
        <dl className="facts">
          <div>
            <dt>{t('invoices.fields.customer')}</dt>
            <dd>
              <Link to="/b/$businessId/sales/customers/$contactId" params={{ businessId, contactId: o.contact.id }}>
                {o.contact.name}
              </Link>
            </dd>
          </div>
          <div>
            <dt>{t('salesOrders.fields.orderDate')}</dt>
            <dd>{date(o.orderDate)}</dd>
          </div>
          <div>
            <dt>{t('salesOrders.fields.expectedDate')}</dt>
            <dd>{o.expectedDate ? date(o.expectedDate) : '—'}</dd>
          </div>
          <div>
            <dt>{t('salesOrders.fields.location')}</dt>
            <dd>
              {o.location.code} · {o.location.name}
            </dd>
          </div>
          <div>
            <dt>{t('invoices.fields.currency')}</dt>
            <dd>{o.currency}</dd>
          </div>
          {o.quote && (
            <div>
              <dt>{t('salesOrders.fields.quote')}</dt>
              <dd>
                <Link to="/b/$businessId/sales/quotes/$quoteId" params={{ businessId, quoteId: o.quote.id }}>
                  {o.quote.number}
                </Link>
              </dd>
            </div>
          )}
        </dl>
      </Card>

      <Card title={t('invoices.lines.title')} description={o.status === 'draft' ? t('salesOrders.draftLinesHint') : undefined}>
        <OrderLinesProgress order={o} />
        <div className="editor-bottom">
          <DocumentNotes notes={o.notes} terms={o.terms} />
          <DocumentTotals doc={o} />
        </div>
      </Card>

      {confirmed && (
        <Card title={t('salesOrders.shipments.title')} testId="order-shipments">
          {o.shipments.length === 0 ? (
            <p className="muted">{o.fulfilment === 'nothing_to_ship' ? t('salesOrders.shipments.nothingToShip') : t('salesOrders.shipments.none')}</p>
          ) : (
            <ul className="doc-list">
              {o.shipments.map((s) => (
                <li key={s.id} data-testid={`shipment-${s.number}`}>
                  <Link to="/b/$businessId/sales/shipments/$shipmentId" params={{ businessId, shipmentId: s.id }}>
                    {s.number}
                  </Link>
                  <span className="muted">{date(s.shipDate)}</span>
                  <span>{s.lines.map((l) => `${l.description} × ${l.quantity}`).join(', ')}</span>
                  <span className="num muted">{t('salesOrders.shipments.cost', { cost: money.json(s.cost) })}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      )}
      {confirmed && (
        <Card title={t('salesOrders.invoices.title')} testId="order-invoices">
          {o.invoices.length === 0 ? (
            <p className="muted">{t('salesOrders.invoices.none')}</p>
          ) : (
            <ul className="doc-list">
              {o.invoices.map((i) => (
                <li key={i.id}>
                  <Link to="/b/$businessId/sales/invoices/$invoiceId" params={{ businessId, invoiceId: i.id }}>
                    {i.number}
                  </Link>
                  <span className="muted">{date(i.issueDate)}</span>
                  <InvoiceStatusBadge status={i.status as 'issued'} overdue={false} />
                  <span className="num">{money.json(i.total)}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      )}

      <ConfirmDialog
        open={dialog === 'confirm'}
        title={t('salesOrders.confirmTitle', { number: o.number })}
        confirmLabel={t('salesOrders.confirm')}
        confirmVariant="primary"
        pending={confirm.isPending}
        error={confirm.error}
        onCancel={() => setDialog(null)}
        onConfirm={() => confirm.mutate(orderId, { onSuccess: () => setDialog(null) })}
      >
        <p>{t('salesOrders.confirmBody', { location: o.location.name })}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={dialog === 'cancel'}
        title={t('salesOrders.cancelTitle', { number: o.number })}
        confirmLabel={t('salesOrders.cancel')}
        confirmDisabled={!reason.trim()}
        autoFocusConfirm={false}
        pending={cancel.isPending}
        error={cancelErrors.general}
        onCancel={() => setDialog(null)}
        onConfirm={() => cancel.mutate({ orderId, reason: reason.trim() }, { onSuccess: () => setDialog(null) })}
      >
        <p>{confirmed ? t('salesOrders.cancelBodyConfirmed') : t('salesOrders.cancelBody')}</p>
        <TextAreaField label={t('salesOrders.cancelReason')} name="reason" value={reason} onChange={(e) => setReason(e.target.value)} error={cancelErrors.field('reason')} autoFocus />
      </ConfirmDialog>
      {dialog === 'invoice' && (
        <InvoiceOrderDialog
          businessId={businessId}
          baseCurrency={baseCurrency}
          order={o}
          open
          onClose={() => setDialog(null)}
          onInvoiced={(invoiceId) => void navigate({ to: '/b/$businessId/sales/invoices/$invoiceId', params: { businessId, invoiceId } })}
        />
      )}
    </div>
  );
}
