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
import { useBillPayment } from '../api/get-bill-payment';
import { useVoidBillPayment } from '../api/void-bill-payment';
import { ReasonDialog } from '../components/ReasonDialog';
import { StatusBadge } from '../components/StatusBadge';

export function BillPaymentDetailPage({ businessId, billPaymentId, permissions, baseCurrency }: { businessId: string; billPaymentId: string; permissions: Permissions; baseCurrency: string }) {
  const { t } = useTranslation();
  useDocumentTitle(t('billPayments.title'));
  const format = useFormatters();
  const money = useMoneyFormat();
  const payment = useBillPayment(businessId, billPaymentId);
  const voidPayment = useVoidBillPayment(businessId);
  const [voiding, setVoiding] = useState(false);

  if (payment.isPending) return <PageSpinner />;
  if (payment.isError) return <ErrorState error={payment.error} onRetry={() => void payment.refetch()} retrying={payment.isFetching} />;
  const p = payment.data;
  return (
    <div className="subpage" data-testid="page-bill-payment">
      <Link className="back-link" to="/b/$businessId/purchases/payments" params={{ businessId }}>
        ← {t('billPayments.back')}
      </Link>
      <div className="subpage-head">
        <h2 className="subpage-title">
          {money.json(p.amount)} · {p.contact.name} <StatusBadge kind="billPayments" status={p.status} testId="bill-payment-status" />
        </h2>
        <div className="page-actions">
          {p.status !== 'void' && allows(permissions, 'bills.pay') && (
            <Button variant="secondary" className="text-danger" onClick={() => { voidPayment.reset(); setVoiding(true); }} data-testid="void-bill-payment">
              {t('billPayments.void')}
            </Button>
          )}
        </div>
      </div>
      {p.voidReason && <p className="alert alert-info">{t('billPayments.voidedBecause', { reason: p.voidReason })}</p>}
      <Card>
        <dl className="facts">
          <div>
            <dt>{t('billPayments.columns.supplier')}</dt>
            <dd>
              <Link to="/b/$businessId/sales/customers/$contactId" params={{ businessId, contactId: p.contact.id }}>
                {p.contact.name}
              </Link>
            </dd>
          </div>
          <div>
            <dt>{t('billPayments.fields.date')}</dt>
            <dd>{format.date(`${p.date}T00:00:00`)}</dd>
          </div>
          <div>
            <dt>{t('billPayments.fields.method')}</dt>
            <dd>
              {t(`payments.method.${p.method}` as 'payments.method.cash')} · {t(`billPayments.paidFrom.${p.paidFrom}` as 'billPayments.paidFrom.bank')}
            </dd>
          </div>
          <div>
            <dt>{t('billPayments.fields.reference')}</dt>
            <dd>{p.reference || t('common.notSet')}</dd>
          </div>
          <div>
            <dt>{t('billPayments.fields.currency')}</dt>
            <dd>
              {p.currency}
              {p.currency !== baseCurrency && <span className="muted small"> · {t('purchases.rateApplied', { rate: p.exchangeRate })}</span>}
            </dd>
          </div>
        </dl>
        {p.notes && <p className="pre-wrap">{p.notes}</p>}
      </Card>
      <Card title={t('billPayments.settled')} testId="bill-payment-allocations">
        <ul className="doc-list">
          {p.allocations.map((a) => (
            <li key={`${a.kind}:${a.documentId}`}>
              {a.kind === 'bill' ? (
                <Link to="/b/$businessId/purchases/bills/$billId" params={{ businessId, billId: a.documentId }}>
                  {a.label}
                </Link>
              ) : (
                <Link to="/b/$businessId/purchases/expenses/$expenseId" params={{ businessId, expenseId: a.documentId }}>
                  {t('billPayments.item.expense', { payee: a.label })}
                </Link>
              )}
              <span className="num">{money.json(a.amount)}</span>
            </li>
          ))}
        </ul>
      </Card>
      <ReasonDialog
        open={voiding}
        title={t('billPayments.voidTitle')}
        body={t('billPayments.voidBody', { account: t(`billPayments.paidFrom.${p.paidFrom}` as 'billPayments.paidFrom.bank') })}
        confirmLabel={t('billPayments.void')}
        pending={voidPayment.isPending}
        error={voidPayment.error}
        onCancel={() => setVoiding(false)}
        onConfirm={(reason) => voidPayment.mutate({ billPaymentId: p.id, reason }, { onSuccess: () => setVoiding(false) })}
      />
    </div>
  );
}
