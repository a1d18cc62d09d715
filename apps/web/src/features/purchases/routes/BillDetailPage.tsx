import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { ErrorState } from '../../../components/ErrorState';
import { PageSpinner } from '../../../components/Spinner';
import { useFormatters } from '../../../lib/format';
import { useMoneyFormat } from '../../../lib/money';
import { allows, type Permissions } from '../../../lib/permissions';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { InvoiceTotals } from '../../invoices/components/InvoiceTotals';
import { useBill } from '../api/get-bill';
import { useVoidBill } from '../api/void-bill';
import { ReasonDialog } from '../components/ReasonDialog';
import { StatusBadge } from '../components/StatusBadge';

export function BillDetailPage({ businessId, billId, permissions, baseCurrency }: { businessId: string; billId: string; permissions: Permissions; baseCurrency: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const money = useMoneyFormat();
  const bill = useBill(businessId, billId);
  const voidBill = useVoidBill(businessId);
  const [voiding, setVoiding] = useState(false);
  useDocumentTitle(bill.data?.number ?? t('bills.title'));

  if (bill.isPending) return <PageSpinner />;
  if (bill.isError) return <ErrorState error={bill.error} onRetry={() => void bill.refetch()} retrying={bill.isFetching} />;
  const b = bill.data;
  const date = (iso: string) => format.date(`${iso}T00:00:00`);
  const open = b.status === 'open' || b.status === 'partially_paid';
  const canPay = open && allows(permissions, 'bills.pay');
  const canVoid = allows(permissions, 'bills.void') && b.status !== 'draft' && b.status !== 'void' && b.paid.amountMinor === '0';

  return (
    <div className="subpage" data-testid="page-bill">
      <Link className="back-link" to="/b/$businessId/purchases/bills" params={{ businessId }}>
        ← {t('bills.back')}
      </Link>
      <div className="subpage-head">
        <h2 className="subpage-title" data-testid="bill-number">
          {b.number ?? t('bills.draftNumber')} <StatusBadge kind="bills" status={b.status} overdue={b.overdue} testId="bill-status" />
        </h2>
        <div className="page-actions">
          {canPay && (
            <Link
              className="btn btn-primary btn-md"
              to="/b/$businessId/purchases/payments/new"
              params={{ businessId }}
              search={{ contactId: b.contact.id, documentId: b.id }}
              data-testid="pay-bill"
            >
              {t('bills.pay')}
            </Link>
          )}
          {b.status === 'draft' && allows(permissions, 'bills.write') && (
            <Link className="btn btn-secondary btn-md" to="/b/$businessId/purchases/bills/$billId/edit" params={{ businessId, billId: b.id }}>
              {t('common.edit')}
            </Link>
          )}
          {canVoid && (
            <Button variant="secondary" className="text-danger" onClick={() => { voidBill.reset(); setVoiding(true); }} data-testid="void-bill">
              {t('bills.void')}
            </Button>
          )}
        </div>
      </div>
      {b.voidReason && <p className="alert alert-info">{t('bills.voidedBecause', { reason: b.voidReason })}</p>}
      <Card>
        <dl className="facts">
          <div>
            <dt>{t('purchases.supplier')}</dt>
            <dd>
              <Link to="/b/$businessId/sales/customers/$contactId" params={{ businessId, contactId: b.contact.id }}>
                {b.contact.name}
              </Link>
            </dd>
          </div>
          <div>
            <dt>{t('bills.fields.supplierReference')}</dt>
            <dd>{b.supplierReference || t('common.notSet')}</dd>
          </div>
          <div>
            <dt>{t('bills.fields.billDate')}</dt>
            <dd>{date(b.billDate)}</dd>
          </div>
          <div>
            <dt>{t('bills.fields.dueDate')}</dt>
            <dd className={b.overdue ? 'text-danger' : undefined}>{date(b.dueDate)}</dd>
          </div>
          <div>
            <dt>{t('bills.fields.currency')}</dt>
            <dd>
              {b.currency}
              {b.exchangeRate && b.currency !== baseCurrency && <span className="muted small"> · {t('purchases.rateApplied', { rate: b.exchangeRate })}</span>}
            </dd>
          </div>
          {b.postedAt && (
            <div>
              <dt>{t('bills.postedAt')}</dt>
              <dd>{format.dateTime(b.postedAt)}</dd>
            </div>
          )}
        </dl>
      </Card>
      <Card title={t('purchaseOrders.linesTitle')}>
        <div className="table-wrap">
          <table className="table" data-testid="bill-lines">
            <thead>
              <tr>
                <th scope="col">{t('invoices.lines.description')}</th>
                <th scope="col" className="align-end">{t('invoices.lines.quantity')}</th>
                <th scope="col" className="align-end">{t('invoices.lines.unitPrice')}</th>
                <th scope="col" className="align-end">{t('invoices.lines.tax')}</th>
                <th scope="col" className="align-end">{t('invoices.lines.amount')}</th>
              </tr>
            </thead>
            <tbody>
              {b.lines.map((l) => (
                <tr key={l.id}>
                  <td>
                    <div className="person">
                      <span className="person-name">
                        {l.description}
                        {l.sku && <span className="muted mono small"> {l.sku}</span>}
                      </span>
                      <span className="person-email">
                        {[
                          l.purchaseOrder && t('purchases.lines.fromOrder', { number: l.purchaseOrder.number ?? '' }),
                          l.account ? `${l.account.code} · ${l.account.name}` : l.grniCleared ? t('bills.grni', { amount: money.json(l.grniCleared) }) : t('purchases.lines.intoStock'),
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </span>
                    </div>
                  </td>
                  <td data-label={t('invoices.lines.quantity')} className="align-end num">{l.quantity}</td>
                  <td data-label={t('invoices.lines.unitPrice')} className="align-end num">{money.json(l.unitPrice)}</td>
                  <td data-label={t('invoices.lines.tax')} className="align-end num">{l.taxRatePercent === '0' ? '—' : `${l.taxRatePercent}%`}</td>
                  <td data-label={t('invoices.lines.amount')} className="align-end num">{money.json(l.net)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="editor-bottom">
          <div className="editor-notes">
            {b.notes && (
              <>
                <h3 className="field-label">{t('bills.fields.notes')}</h3>
                <p className="pre-wrap">{b.notes}</p>
              </>
            )}
          </div>
          <InvoiceTotals
            pricesIncludeTax={false}
            view={{
              currency: b.currency,
              discountMinor: 0n,
              subtotalMinor: BigInt(b.subtotal.amountMinor),
              taxes: b.taxes.map((x) => ({ ratePercent: x.ratePercent, taxMinor: BigInt(x.tax.amountMinor) })),
              totalMinor: BigInt(b.total.amountMinor),
              extra:
                b.status === 'draft' || b.status === 'void'
                  ? []
                  : [
                      { key: 'paid', label: t('bills.totals.paid'), amountMinor: BigInt(b.paid.amountMinor) },
                      { key: 'balance', label: t('bills.totals.balance'), amountMinor: BigInt(b.balance.amountMinor), strong: true },
                    ],
            }}
          />
        </div>
      </Card>
      {b.status !== 'draft' && (
        <Card title={t('bills.paymentsTitle')} testId="bill-payments">
          {b.payments.length === 0 ? (
            <p className="muted">{t('bills.noPayments')}</p>
          ) : (
            <ul className="doc-list">
              {b.payments.map((p) => (
                <li key={p.paymentId} className={p.voided ? 'is-void' : undefined}>
                  <Link to="/b/$businessId/purchases/payments/$billPaymentId" params={{ businessId, billPaymentId: p.paymentId }}>
                    {date(p.date)}
                  </Link>
                  <span className="muted">
                    {t(`payments.method.${p.method}` as 'payments.method.cash')}
                    {p.reference && ` · ${p.reference}`}
                    {p.voided && ` · ${t('bills.voidedPayment')}`}
                  </span>
                  <span className="num">{money.json(p.amount)}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      )}
      <ReasonDialog
        open={voiding}
        title={t('bills.voidTitle', { number: b.number ?? '' })}
        body={t('bills.voidBody')}
        confirmLabel={t('bills.void')}
        pending={voidBill.isPending}
        error={voidBill.error}
        onCancel={() => setVoiding(false)}
        onConfirm={(reason) => voidBill.mutate({ billId: b.id, reason }, { onSuccess: () => setVoiding(false) })}
      />
    </div>
  );
}
