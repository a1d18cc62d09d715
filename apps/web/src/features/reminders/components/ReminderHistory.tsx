import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/Card';
import { CursorPager, useCursorPages } from '../../../components/CursorPager';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { Icon } from '../../../components/Icon';
import { ListToolbar } from '../../../components/ListToolbar';
import { TableSkeleton } from '../../../components/Skeleton';
import { useFormatters } from '../../../lib/format';
import { useReminders } from '../api/get-reminders';
import { useOffsetLabel } from './offset-label';

/** Every payment reminder the business sent, newest first; a customer's name filters to that customer. */
export function ReminderHistory({ businessId }: { businessId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const offsetLabel = useOffsetLabel();
  const [customer, setCustomer] = useState<{ id: string; name: string } | null>(null);
  const pages = useCursorPages(customer?.id ?? '');
  const reminders = useReminders(businessId, customer?.id ?? '', pages.cursor);

  let body;
  if (reminders.isPending) {
    body = <TableSkeleton columns={5} />;
  } else if (reminders.isError) {
    body = <ErrorState error={reminders.error} onRetry={() => void reminders.refetch()} retrying={reminders.isFetching} />;
  } else if (reminders.data.items.length === 0) {
    body = (
      <EmptyState icon="mail" title={t('reminders.historyEmptyTitle')} testId="reminder-history-empty">
        {customer ? t('reminders.historyEmptyFiltered') : t('reminders.historyEmptyBody')}
      </EmptyState>
    );
  } else {
    body = (
      <>
        <div className={`table-wrap${reminders.isPlaceholderData ? ' is-stale' : ''}`}>
          <table className="table" data-testid="reminder-history">
            <thead>
              <tr>
                <th scope="col">{t('reminders.columns.sentAt')}</th>
                <th scope="col">{t('reminders.columns.invoice')}</th>
                <th scope="col">{t('reminders.columns.customer')}</th>
                <th scope="col">{t('reminders.columns.when')}</th>
                <th scope="col">{t('reminders.columns.to')}</th>
              </tr>
            </thead>
            <tbody>
              {reminders.data.items.map((r) => (
                <tr key={r.id}>
                  <td className="nowrap">{format.dateTime(r.sentAt)}</td>
                  <td data-label={t('reminders.columns.invoice')} className="nowrap">
                    <Link to="/b/$businessId/sales/invoices/$invoiceId" params={{ businessId, invoiceId: r.invoice.id }}>
                      {r.invoice.number ?? t('reminders.draftNumber')}
                    </Link>
                  </td>
                  <td data-label={t('reminders.columns.customer')}>
                    <button type="button" className="link-button" onClick={() => setCustomer(r.contact)} data-testid="reminder-filter-customer">
                      {r.contact.name}
                    </button>
                  </td>
                  <td data-label={t('reminders.columns.when')}>{offsetLabel(r.offsetDays)}</td>
                  <td data-label={t('reminders.columns.to')} className="reminder-to">{r.toEmail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <CursorPager
          pageIndex={pages.pageIndex}
          nextCursor={reminders.data.nextCursor}
          onNext={pages.next}
          onPrevious={pages.previous}
          busy={reminders.isFetching}
        />
      </>
    );
  }

  return (
    <Card title={t('reminders.historyTitle')} description={t('reminders.historyDescription')} testId="reminder-history-section">
      {customer && (
        <ListToolbar>
          <span className="chip" data-testid="reminder-customer-filter">
            {customer.name}
            <button type="button" className="chip-remove" aria-label={t('reminders.allCustomers')} onClick={() => setCustomer(null)}>
              <Icon name="close" size={14} />
            </button>
          </span>
        </ListToolbar>
      )}
      {body}
    </Card>
  );
}
