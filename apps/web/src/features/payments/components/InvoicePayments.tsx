import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/Card';
import { ErrorState } from '../../../components/ErrorState';
import { TableSkeleton } from '../../../components/Skeleton';
import { useFormatters } from '../../../lib/format';
import { useMoneyFormat } from '../../../lib/money';
import { EMPTY_PAYMENT_FILTERS, usePayments } from '../api/get-payments';

/** The payments applied to one invoice, shown on its detail page. */
export function InvoicePayments({ businessId, invoiceId }: { businessId: string; invoiceId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const money = useMoneyFormat();
  const payments = usePayments(businessId, { ...EMPTY_PAYMENT_FILTERS, invoiceId });

  let body;
  if (payments.isPending) body = <TableSkeleton columns={5} />;
  else if (payments.isError) body = <ErrorState error={payments.error} onRetry={() => void payments.refetch()} retrying={payments.isFetching} />;
  else if (payments.data.items.length === 0) body = <p className="muted" data-testid="invoice-payments-empty">{t('payments.noneForInvoice')}</p>;
  else
    body = (
      <div className="table-wrap">
        <table className="table" data-testid="invoice-payments">
          <thead>
            <tr>
              <th scope="col">{t('payments.columns.date')}</th>
              <th scope="col">{t('payments.columns.method')}</th>
              <th scope="col">{t('payments.columns.reference')}</th>
              <th scope="col" className="align-end">{t('payments.columns.amount')}</th>
              <th scope="col" className="align-end">{t('payments.columns.appliedHere')}</th>
            </tr>
          </thead>
          <tbody>
            {payments.data.items.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link to="/b/$businessId/sales/payments/$paymentId" params={{ businessId, paymentId: p.id }}>
                    {format.date(`${p.date}T00:00:00`)}
                  </Link>
                </td>
                <td data-label={t('payments.columns.method')}>{t(`payments.method.${p.method}`)}</td>
                <td data-label={t('payments.columns.reference')}>{p.reference || '—'}</td>
                <td data-label={t('payments.columns.amount')} className="align-end num">{money.json(p.amount)}</td>
                <td data-label={t('payments.columns.appliedHere')} className="align-end num strong" data-testid={`applied-here-${p.id}`}>
                  {p.appliedToInvoice ? money.json(p.appliedToInvoice) : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  return (
    <Card title={t('payments.ofInvoice')} testId="invoice-payments-section">
      {body}
    </Card>
  );
}
