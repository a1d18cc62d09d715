import { useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorState } from '../../../components/ErrorState';
import { TextAreaField, TextField } from '../../../components/Field';
import { FormError } from '../../../components/FormError';
import { PageSpinner } from '../../../components/Spinner';
import { useFormErrors } from '../../../lib/error-message';
import { useFormatters } from '../../../lib/format';
import { useMoneyFormat } from '../../../lib/money';
import { allows, type Permissions } from '../../../lib/permissions';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { InvoiceTotals } from '../../invoices/components/InvoiceTotals';
import { useEndPurchaseOrder } from '../api/close-purchase-order';
import { useCreateBillFromOrder } from '../api/create-bill-from-order';
import { usePurchaseOrder, type PurchaseOrder } from '../api/get-purchase-order';
import { useSendPurchaseOrder } from '../api/send-purchase-order';
import { ExchangeRateField } from '../components/ExchangeRateField';
import { ReasonDialog } from '../components/ReasonDialog';
import { ReceiveDialog } from '../components/ReceiveDialog';
import { StatusBadge } from '../components/StatusBadge';

type Dialog = 'receive' | 'send' | 'close' | 'cancel' | null;

export function PurchaseOrderDetailPage({
  businessId,
  purchaseOrderId,
  permissions,
  baseCurrency,
}: {
  businessId: string;
  purchaseOrderId: string;
  permissions: Permissions;
  baseCurrency: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const format = useFormatters();
  const money = useMoneyFormat();
  const order = usePurchaseOrder(businessId, purchaseOrderId);
  const end = useEndPurchaseOrder(businessId);
  const bill = useCreateBillFromOrder(businessId);
  const [dialog, setDialog] = useState<Dialog>(null);
  useDocumentTitle(order.data?.number ?? t('purchaseOrders.title'));

  if (order.isPending) return <PageSpinner />;
  if (order.isError) return <ErrorState error={order.error} onRetry={() => void order.refetch()} retrying={order.isFetching} />;
  const o = order.data;
  const canWrite = allows(permissions, 'purchases.write');
  const date = (iso: string) => format.date(`${iso}T00:00:00`);
  const ended = o.status === 'cancelled' || !!o.closeReason;
  const receivable = canWrite && o.status !== 'draft' && !ended && o.lines.some((l) => l.stocked && l.toReceiveQuantity !== '0');
  const nothingHappened = o.receipts.length === 0 && o.lines.every((l) => l.billedQuantity === '0');
  const lineOf = (id: string) => o.lines.find((l) => l.id === id);

  return (
    <div className="subpage" data-testid="page-purchase-order">
      <Link className="back-link" to="/b/$businessId/purchases/orders" params={{ businessId }}>
        ← {t('purchaseOrders.back')}
      </Link>
      <div className="subpage-head">
        <h2 className="subpage-title" data-testid="purchase-order-number">
          {o.number ?? t('purchaseOrders.draftNumber')} <StatusBadge kind="purchaseOrders" status={o.status} testId="purchase-order-status" />
        </h2>
        <div className="page-actions">
          {receivable && (
            <Button onClick={() => setDialog('receive')} data-testid="receive-goods">
              {t('purchaseOrders.receive')}
            </Button>
          )}
          {o.billable && allows(permissions, 'bills.write') && (
            <Button
              variant={receivable ? 'secondary' : 'primary'}
              pending={bill.isPending}
              onClick={() =>
                bill.mutate(o.id, {
                  onSuccess: (b) => void navigate({ to: '/b/$businessId/purchases/bills/$billId/edit', params: { businessId, billId: b.id } }),
                })
              }
              data-testid="bill-order"
            >
              {t('purchaseOrders.bill')}
            </Button>
          )}
          {o.status === 'draft' && canWrite && (
            <Link className="btn btn-secondary btn-md" to="/b/$businessId/purchases/orders/$purchaseOrderId/edit" params={{ businessId, purchaseOrderId: o.id }}>
              {t('common.edit')}
            </Link>
          )}
          {canWrite && o.status !== 'cancelled' && (
            <Button variant="secondary" onClick={() => setDialog('send')} data-testid="send-order">
              {t('purchaseOrders.send')}
            </Button>
          )}
          {canWrite && o.status !== 'draft' && !ended && (
            <Button
              variant="ghost"
              className="text-danger"
              onClick={() => {
                end.reset();
                setDialog(nothingHappened ? 'cancel' : 'close');
              }}
              data-testid={nothingHappened ? 'cancel-order' : 'close-order'}
            >
              {nothingHappened ? t('purchaseOrders.cancel') : t('purchaseOrders.close')}
            </Button>
          )}
        </div>
      </div>
      <FormError error={bill.error} />
      {o.closeReason && <p className="alert alert-info">{t('purchaseOrders.closedBecause', { reason: o.closeReason })}</p>}
      {o.cancelReason && <p className="alert alert-info">{t('purchaseOrders.cancelledBecause', { reason: o.cancelReason })}</p>}
      <Card>
        <dl className="facts">
          <div>
            <dt>{t('purchases.supplier')}</dt>
            <dd>
              <Link to="/b/$businessId/sales/customers/$contactId" params={{ businessId, contactId: o.contact.id }}>
                {o.contact.name}
              </Link>
            </dd>
          </div>
          <div>
            <dt>{t('purchaseOrders.fields.orderDate')}</dt>
            <dd>{date(o.orderDate)}</dd>
          </div>
          <div>
            <dt>{t('purchaseOrders.fields.expectedDate')}</dt>
            <dd>{o.expectedDate ? date(o.expectedDate) : t('common.notSet')}</dd>
          </div>
          <div>
            <dt>{t('purchaseOrders.fields.location')}</dt>
            <dd>{o.location.name}</dd>
          </div>
          <div>
            <dt>{t('purchaseOrders.fields.currency')}</dt>
            <dd>
              {o.currency}
              {o.exchangeRate && o.currency !== baseCurrency && <span className="muted small"> · {t('purchases.rateApplied', { rate: o.exchangeRate })}</span>}
            </dd>
          </div>
          {o.orderedAt && (
            <div>
              <dt>{t('purchaseOrders.orderedAt')}</dt>
              <dd>{format.dateTime(o.orderedAt)}</dd>
            </div>
          )}
        </dl>
      </Card>
      <Card title={t('purchaseOrders.linesTitle')}>
        <div className="table-wrap">
          <table className="table" data-testid="purchase-order-lines">
            <thead>
              <tr>
                <th scope="col">{t('invoices.lines.description')}</th>
                <th scope="col" className="align-end">{t('purchases.lines.ordered')}</th>
                <th scope="col" className="align-end">{t('purchases.lines.received')}</th>
                <th scope="col" className="align-end">{t('purchases.lines.billed')}</th>
                <th scope="col" className="align-end">{t('invoices.lines.unitPrice')}</th>
                <th scope="col" className="align-end">{t('invoices.lines.tax')}</th>
                <th scope="col" className="align-end">{t('invoices.lines.amount')}</th>
              </tr>
            </thead>
            <tbody>
              {o.lines.map((l, row) => (
                <tr key={l.id} data-testid={`order-line-${row}`}>
                  <td>
                    <div className="person">
                      <span className="person-name">
                        {l.description}
                        {l.sku && <span className="muted mono small"> {l.sku}</span>}
                      </span>
                      <span className="person-email">{l.stocked ? t('purchases.lines.intoStock') : l.account ? `${l.account.code} · ${l.account.name}` : ''}</span>
                    </div>
                  </td>
                  <td data-label={t('purchases.lines.ordered')} className="align-end num">
                    {l.quantity} {l.unit ?? ''}
                  </td>
                  <td data-label={t('purchases.lines.received')} className="align-end num" data-testid={`order-line-${row}-received`}>
                    {l.stocked ? l.receivedQuantity : '—'}
                  </td>
                  <td data-label={t('purchases.lines.billed')} className="align-end num" data-testid={`order-line-${row}-billed`}>
                    {l.billedQuantity}
                  </td>
                  <td data-label={t('invoices.lines.unitPrice')} className="align-end num">{money.json(l.unitCost)}</td>
                  <td data-label={t('invoices.lines.tax')} className="align-end num">{l.taxRatePercent === '0' ? '—' : `${l.taxRatePercent}%`}</td>
                  <td data-label={t('invoices.lines.amount')} className="align-end num">{money.json(l.net)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="editor-bottom">
          <div className="editor-notes">
            {o.notes && (
              <>
                <h3 className="field-label">{t('purchaseOrders.fields.notes')}</h3>
                <p className="pre-wrap">{o.notes}</p>
              </>
            )}
          </div>
          <InvoiceTotals
            pricesIncludeTax={false}
            view={{
              currency: o.currency,
              discountMinor: 0n,
              subtotalMinor: BigInt(o.subtotal.amountMinor),
              taxes: taxesOf(o),
              totalMinor: BigInt(o.total.amountMinor),
            }}
          />
        </div>
      </Card>
      {o.status !== 'draft' && (
        <Card title={t('purchaseOrders.receiptsTitle')} testId="order-receipts">
          {o.receipts.length === 0 ? (
            <p className="muted">{t('purchaseOrders.noReceipts')}</p>
          ) : (
            <ul className="doc-list">
              {o.receipts.map((r) => (
                <li key={r.id} data-testid="order-receipt">
                  <div>
                    <strong>{date(r.date)}</strong> · {r.location.name}
                    {r.reference && <span className="muted"> · {r.reference}</span>}
                  </div>
                  <div className="muted small">
                    {r.lines.map((x) => t('purchaseOrders.receiptLine', { quantity: x.quantity, description: lineOf(x.purchaseOrderLineId)?.description ?? '' })).join(' · ')}
                  </div>
                  <span className="num">{money.json(sumOf(r.lines.map((x) => x.value)))}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      )}
      {o.status !== 'draft' && (
        <Card title={t('purchaseOrders.billsTitle')} testId="order-bills">
          {o.bills.length === 0 ? (
            <p className="muted">{t('purchaseOrders.noBills')}</p>
          ) : (
            <ul className="doc-list">
              {o.bills.map((b) => (
                <li key={b.id}>
                  <div>
                    <Link
                      to={b.status === 'draft' ? '/b/$businessId/purchases/bills/$billId/edit' : '/b/$businessId/purchases/bills/$billId'}
                      params={{ businessId, billId: b.id }}
                    >
                      {b.number ?? t('bills.draftNumber')}
                    </Link>
                    {b.supplierReference && <span className="muted"> · {b.supplierReference}</span>} · {date(b.billDate)}
                  </div>
                  <StatusBadge kind="bills" status={b.status} />
                  <span className="num">{money.json(b.total)}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      )}
      {o.sends.length > 0 && (
        <Card title={t('purchaseOrders.sendsTitle')}>
          <ul className="doc-list">
            {o.sends.map((s) => (
              <li key={s.id}>
                <span>{s.sentAt ? t('purchaseOrders.sent', { email: s.toEmail }) : t('purchaseOrders.sending', { email: s.toEmail })}</span>
                <span className="muted small">{format.dateTime(s.sentAt ?? s.requestedAt)}</span>
              </li>
            ))}
          </ul>
        </Card>
      )}
      {dialog === 'receive' && <ReceiveDialog businessId={businessId} order={o} onClose={() => setDialog(null)} />}
      {dialog === 'send' && <SendDialog businessId={businessId} order={o} baseCurrency={baseCurrency} onClose={() => setDialog(null)} />}
      <ReasonDialog
        open={dialog === 'close' || dialog === 'cancel'}
        title={dialog === 'cancel' ? t('purchaseOrders.cancelTitle', { number: o.number ?? '' }) : t('purchaseOrders.closeTitle', { number: o.number ?? '' })}
        body={dialog === 'cancel' ? t('purchaseOrders.cancelBody') : t('purchaseOrders.closeBody')}
        confirmLabel={dialog === 'cancel' ? t('purchaseOrders.cancel') : t('purchaseOrders.close')}
        pending={end.isPending}
        error={end.error}
        onCancel={() => setDialog(null)}
        onConfirm={(reason) =>
          end.mutate({ purchaseOrderId: o.id, action: dialog === 'cancel' ? 'cancel' : 'close', reason }, { onSuccess: () => setDialog(null) })
        }
      />
    </div>
  );
}

function taxesOf(o: PurchaseOrder) {
  const byRate = new Map<string, bigint>();
  for (const l of o.lines) if (l.taxRatePercent !== '0') byRate.set(l.taxRatePercent, (byRate.get(l.taxRatePercent) ?? 0n) + BigInt(l.tax.amountMinor));
  return [...byRate].map(([ratePercent, taxMinor]) => ({ ratePercent, taxMinor }));
}

const sumOf = (values: { amountMinor: string; currency: string }[]) => ({
  amountMinor: values.reduce((s, v) => s + BigInt(v.amountMinor), 0n).toString(),
  currency: values[0]?.currency ?? '',
});

function SendDialog({ businessId, order, baseCurrency, onClose }: { businessId: string; order: PurchaseOrder; baseCurrency: string; onClose: () => void }) {
  const { t } = useTranslation();
  const send = useSendPurchaseOrder(businessId);
  const [to, setTo] = useState(order.contactEmail ?? '');
  const [message, setMessage] = useState('');
  const [exchangeRate, setExchangeRate] = useState('');
  const errors = useFormErrors(send.error, ['to', 'message', 'exchangeRate']);
  const needsRate = order.status === 'draft' && order.currency !== baseCurrency;
  return (
    <ConfirmDialog
      open
      title={order.status === 'draft' ? t('purchaseOrders.sendTitleDraft') : t('purchaseOrders.sendTitle', { number: order.number ?? '' })}
      confirmLabel={t('purchaseOrders.send')}
      confirmVariant="primary"
      confirmDisabled={!to.trim() || (needsRate && !exchangeRate.trim())}
      autoFocusConfirm={false}
      pending={send.isPending}
      error={errors.general}
      onCancel={onClose}
      onConfirm={() =>
        send.mutate(
          {
            purchaseOrderId: order.id,
            body: { to: to.trim(), ...(message.trim() ? { message: message.trim() } : {}), ...(needsRate ? { exchangeRate: exchangeRate.trim() } : {}) },
          },
          { onSuccess: onClose },
        )
      }
    >
      <p>{order.status === 'draft' ? t('purchaseOrders.placeBody') : t('purchaseOrders.sendBody')}</p>
      <div className="form">
        <TextField label={t('purchaseOrders.sendTo')} name="to" type="email" value={to} onChange={(e) => setTo(e.target.value)} error={errors.field('to')} autoFocus />
        <TextAreaField label={t('purchaseOrders.sendMessage')} name="message" value={message} onChange={(e) => setMessage(e.target.value)} error={errors.field('message')} />
        {needsRate && (
          <ExchangeRateField currency={order.currency} baseCurrency={baseCurrency} value={exchangeRate} onChange={setExchangeRate} error={errors.field('exchangeRate')} />
        )}
      </div>
    </ConfirmDialog>
  );
}
