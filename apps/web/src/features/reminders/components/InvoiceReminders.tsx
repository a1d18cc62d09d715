import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/Card';
import { ErrorState } from '../../../components/ErrorState';
import { TableSkeleton } from '../../../components/Skeleton';
import { useFormatters } from '../../../lib/format';
import { useInvoiceReminders } from '../api/get-invoice-reminders';
import { useOffsetLabel } from './offset-label';

/** The payment reminders sent for one invoice, on its detail page. */
export function InvoiceReminders({ businessId, invoiceId }: { businessId: string; invoiceId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const offsetLabel = useOffsetLabel();
  const reminders = useInvoiceReminders(businessId, invoiceId);

  let body;
  if (reminders.isPending) body = <TableSkeleton columns={3} rows={2} />;
  else if (reminders.isError) body = <ErrorState error={reminders.error} onRetry={() => void reminders.refetch()} retrying={reminders.isFetching} />;
  else if (reminders.data.items.length === 0) body = <p className="muted" data-testid="invoice-reminders-none">{t('reminders.invoiceNone')}</p>;
  else {
    body = (
      <div className="table-wrap">
        <table className="table" data-testid="invoice-reminders">
          <thead>
            <tr>
              <th scope="col">{t('reminders.columns.sentAt')}</th>
              <th scope="col">{t('reminders.columns.when')}</th>
              <th scope="col">{t('reminders.columns.to')}</th>
            </tr>
          </thead>
          <tbody>
            {reminders.data.items.map((r) => (
              <tr key={r.id}>
                <td>{format.dateTime(r.sentAt)}</td>
                <td data-label={t('reminders.columns.when')}>{offsetLabel(r.offsetDays)}</td>
                <td data-label={t('reminders.columns.to')} className="reminder-to">{r.toEmail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  return (
    <Card title={t('reminders.invoiceTitle')} testId="invoice-reminders-section">
      {body}
    </Card>
  );
}
