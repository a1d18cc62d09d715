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
import { usePayment } from '../api/get-payment';
import { ApplyCreditDialog, RefundDialog } from '../components/PaymentActions';

export function PaymentDetailPage({ businessId, paymentId, permissions }: { businessId: string; paymentId: string; permissions: Permissions }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const money = useMoneyFormat();
  const payment = usePayment(businessId, paymentId);
  const [dialog, setDialog] = useState<'apply' | 'refund' | null>(null);
  useDocumentTitle(t('payments.title'));

  if (payment.isPending) return <PageSpinner />;
  if (payment.isError) return <ErrorState error={payment.error} onRetry={() => void payment.refetch()} retrying={payment.isFetching} />;
  const p = payment.data;
  const date = (iso: string) => format.date(`${iso}T00:00:00`);
  const hasCredit = p.unapplied.amountMinor !== '0';
  const canRefund = allows(permissions, 'payments.refund') && (hasCredit || p.applied.amountMinor !== '0');

  return (
    <div className="subpage" data-testid="page-payment">
      <Link className="back-link" to="/b/$businessId/sales/payments" params={{ businessId }}>
        ← {t('payments.back')}
      </Link>
      <div className="subpage-head">
        <h2 className="subpage-title">
          {money.json(p.amount)} · {p.contact.name}
        </h2>
        <div className="page-actions">
          {hasCredit && allows(permissions, 'payments.write') && (
            <Button onClick={() => setDialog('apply')} data-testid="apply-credit">
              {t('payments.applyCredit')}
            </Button>
          )}
          {canRefund && (
            <Button variant="secondary" className="text-danger" onClick={() => setDialog('refund')} data-testid="refund-payment">
              {t('payments.refund')}
            </Button>
          )}
        </div>
      </div>
      <Card>
        <dl className="facts" data-testid="payment-facts">
          <div>
            <dt>{t('payments.columns.customer')}</dt>
            <dd>
              <Link to="/b/$businessId/sales/customers/$contactId" params={{ businessId, contactId: p.contact.id }}>
                {p.contact.name}
              </Link>
            </dd>
          </div>
          <div>
            <dt>{t('payments.columns.date')}</dt>
            <dd>{date(p.date)}</dd>
          </div>
          <div>
            <dt>{t('payments.columns.method')}</dt>
            <dd>
              {t(`payments.method.${p.method}`)}
              {p.reference && <span className="muted small"> · {p.reference}</span>}
            </dd>
          </div>
          <div>
            <dt>{t('payments.facts.deposit')}</dt>
            <dd>{t(`payments.deposit.${p.depositAccount}`)}</dd>
          </div>
          <div>
            <dt>{t('payments.facts.amount')}</dt>
            <dd className="num">{money.json(p.amount)}</dd>
          </div>
          <div>
            <dt>{t('payments.facts.applied')}</dt>
            <dd className="num" data-testid="payment-applied">{money.json(p.applied)}</dd>
          </div>
          <div>
            <dt>{t('payments.facts.refunded')}</dt>
            <dd className="num" data-testid="payment-refunded">{money.json(p.refunded)}</dd>
          </div>
          <div>
            <dt>{t('payments.facts.unapplied')}</dt>
            <dd className="num" data-testid="payment-unapplied">{money.json(p.unapplied)}</dd>
          </div>
          {p.exchangeRate !== '1' && (
            <div>
              <dt>{t('payments.facts.rate')}</dt>
              <dd>{p.exchangeRate}</dd>
            </div>
          )}
        </dl>
        {p.notes && <p className="pre-wrap">{p.notes}</p>}
      </Card>
      <Card title={t('payments.allocations')}>
        {p.allocations.length === 0 ? (
          <p className="muted">{t('payments.noAllocations')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="payment-allocations">
              <thead>
                <tr>
                  <th scope="col">{t('payments.columns.invoice')}</th>
                  <th scope="col">{t('payments.columns.date')}</th>
                  <th scope="col" className="align-end">{t('payments.columns.applied')}</th>
                </tr>
              </thead>
              <tbody>
                {p.allocations.map((a) => (
                  <tr key={a.id}>
                    <td>
                      <Link to="/b/$businessId/sales/invoices/$invoiceId" params={{ businessId, invoiceId: a.invoiceId }}>
                        {a.invoiceNumber}
                      </Link>
                      {a.refundId && <span className="muted small"> · {t('payments.takenBack')}</span>}
                    </td>
                    <td data-label={t('payments.columns.date')}>{date(a.date)}</td>
                    <td data-label={t('payments.columns.applied')} className="align-end num">{money.json(a.amount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      {p.refunds.length > 0 && (
        <Card title={t('payments.refunds')}>
          <div className="table-wrap">
            <table className="table" data-testid="payment-refunds">
              <thead>
                <tr>
                  <th scope="col">{t('payments.columns.date')}</th>
                  <th scope="col">{t('payments.refundReason')}</th>
                  <th scope="col">{t('payments.columns.method')}</th>
                  <th scope="col" className="align-end">{t('payments.columns.amount')}</th>
                </tr>
              </thead>
              <tbody>
                {p.refunds.map((r) => (
                  <tr key={r.id}>
                    <td>{date(r.date)}</td>
                    <td data-label={t('payments.refundReason')}>{r.reason}</td>
                    <td data-label={t('payments.columns.method')}>
                      {t(`payments.method.${r.method}`)} · {t(`payments.deposit.${r.paidFrom}`)}
                      {r.reference && <span className="muted small"> · {r.reference}</span>}
                    </td>
                    <td data-label={t('payments.columns.amount')} className="align-end num">{money.json(r.amount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      )}
      {dialog === 'apply' && <ApplyCreditDialog businessId={businessId} payment={p} open onClose={() => setDialog(null)} />}
      {dialog === 'refund' && <RefundDialog businessId={businessId} payment={p} open onClose={() => setDialog(null)} />}
    </div>
  );
}
