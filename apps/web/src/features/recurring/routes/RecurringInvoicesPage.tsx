import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { CursorPager, useCursorPages } from '../../../components/CursorPager';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { Icon } from '../../../components/Icon';
import { ListToolbar } from '../../../components/ListToolbar';
import { TableSkeleton } from '../../../components/Skeleton';
import { useFormatters } from '../../../lib/format';
import { useMoneyFormat } from '../../../lib/money';
import { allows, type Permissions } from '../../../lib/permissions';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useRecurringInvoices, type RecurringStatusFilter } from '../api/get-recurring-invoices';
import { useRecurringLabels } from '../components/labels';
import { RecurringStatusBadge } from '../components/RecurringStatusBadge';

const STATUSES = ['active', 'paused', 'ended'] as const;

export function RecurringInvoicesPage({ businessId, permissions }: { businessId: string; permissions: Permissions }) {
  const { t } = useTranslation();
  useDocumentTitle(t('recurring.title'));
  const format = useFormatters();
  const money = useMoneyFormat();
  const labels = useRecurringLabels();
  const canWrite = allows(permissions, 'invoices.write');
  const [status, setStatus] = useState<RecurringStatusFilter>('');
  const pages = useCursorPages(status);
  const templates = useRecurringInvoices(businessId, status, pages.cursor);
  const date = (iso: string) => format.date(`${iso}T00:00:00`);

  let body;
  if (templates.isPending) {
    body = <TableSkeleton columns={5} />;
  } else if (templates.isError) {
    body = <ErrorState error={templates.error} onRetry={() => void templates.refetch()} retrying={templates.isFetching} />;
  } else if (templates.data.items.length === 0) {
    body = status ? (
      <EmptyState
        icon="clock"
        title={t('recurring.noMatchTitle')}
        testId="recurring-empty"
        action={
          <Button variant="secondary" onClick={() => setStatus('')}>
            {t('common.clearFilters')}
          </Button>
        }
      >
        {t('recurring.noMatchBody')}
      </EmptyState>
    ) : (
      <EmptyState
        icon="clock"
        title={t('recurring.emptyTitle')}
        testId="recurring-empty"
        action={
          canWrite && (
            <Link className="btn btn-primary btn-md" to="/b/$businessId/sales/recurring/new" params={{ businessId }}>
              {t('recurring.new')}
            </Link>
          )
        }
      >
        {canWrite ? t('recurring.emptyBody') : t('recurring.emptyBodyReadOnly')}
      </EmptyState>
    );
  } else {
    body = (
      <>
        <div className={`table-wrap${templates.isPlaceholderData ? ' is-stale' : ''}`}>
          <table className="table" data-testid="recurring-table">
            <thead>
              <tr>
                <th scope="col">{t('recurring.columns.customer')}</th>
                <th scope="col">{t('recurring.columns.frequency')}</th>
                <th scope="col">{t('recurring.columns.next')}</th>
                <th scope="col">{t('recurring.columns.status')}</th>
                <th scope="col" className="align-end">
                  {t('recurring.columns.amount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {templates.data.items.map((r) => (
                <tr key={r.id} data-testid={`recurring-row-${r.id}`} data-status={r.status}>
                  <td>
                    <div className="person">
                      <Link className="person-name" to="/b/$businessId/sales/recurring/$templateId" params={{ businessId, templateId: r.id }}>
                        {r.contact.name}
                      </Link>
                      {r.draftCount > 0 && (
                        <span className="person-email text-warning">{t('recurring.draftsWaiting', { count: r.draftCount })}</span>
                      )}
                    </div>
                  </td>
                  <td data-label={t('recurring.columns.frequency')}>{labels.frequency(r.frequency)}</td>
                  <td data-label={t('recurring.columns.next')} data-testid="recurring-next-date">
                    {r.nextDate ? date(r.nextDate) : t('recurring.noNext')}
                  </td>
                  <td data-label={t('recurring.columns.status')}>
                    <RecurringStatusBadge status={r.status} />
                  </td>
                  <td data-label={t('recurring.columns.amount')} className="align-end num">
                    {r.amount ? money.json(r.amount) : <span className="muted">{t('recurring.amountUnknown')}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <CursorPager
          pageIndex={pages.pageIndex}
          nextCursor={templates.data.nextCursor}
          onNext={pages.next}
          onPrevious={pages.previous}
          busy={templates.isFetching}
        />
      </>
    );
  }

  return (
    <Card
      title={t('recurring.title')}
      description={t('recurring.description')}
      testId="recurring-section"
      actions={
        canWrite && (
          <Link className="btn btn-primary btn-sm" to="/b/$businessId/sales/recurring/new" params={{ businessId }} data-testid="new-recurring">
            <Icon name="plus" size={16} />
            <span>{t('recurring.new')}</span>
          </Link>
        )
      }
    >
      <ListToolbar>
        <select
          className="input select input-sm"
          aria-label={t('recurring.columns.status')}
          value={status}
          onChange={(e) => setStatus(e.target.value as RecurringStatusFilter)}
          data-testid="recurring-status-filter"
        >
          <option value="">{t('recurring.allStatuses')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`recurring.status.${s}`)}
            </option>
          ))}
        </select>
      </ListToolbar>
      {body}
    </Card>
  );
}
