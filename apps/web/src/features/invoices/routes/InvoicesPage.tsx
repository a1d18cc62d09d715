import { useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { CsvExportLink } from '../../../components/CsvExportLink';
import { CursorPager, useCursorPages } from '../../../components/CursorPager';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { Icon } from '../../../components/Icon';
import { ListToolbar } from '../../../components/ListToolbar';
import { invoicesExportUrl } from '../api/export-invoices';
import { TableSkeleton } from '../../../components/Skeleton';
import { useFormatters } from '../../../lib/format';
import { useMoneyFormat } from '../../../lib/money';
import { allows, type Permissions } from '../../../lib/permissions';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useContact } from '../../contacts/api/get-contact';
import { useInvoices, type InvoiceFilters, type InvoiceStatusFilter } from '../api/get-invoices';
import { InvoiceStatusBadge } from '../components/InvoiceStatusBadge';

const STATUSES = ['draft', 'issued', 'partially_paid', 'paid', 'overdue', 'void'] as const;

export function InvoicesPage({
  businessId,
  permissions,
  contactId,
  initialStatus,
}: {
  businessId: string;
  permissions: Permissions;
  contactId?: string;
  initialStatus?: InvoiceStatusFilter;
}) {
  const { t } = useTranslation();
  useDocumentTitle(t('invoices.title'));
  const navigate = useNavigate();
  const format = useFormatters();
  const money = useMoneyFormat();
  const canWrite = allows(permissions, 'invoices.write');
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<InvoiceStatusFilter>(initialStatus ?? '');
  const q = useDebouncedValue(search);
  const filters: InvoiceFilters = { q, status, contactId: contactId ?? '' };
  const pages = useCursorPages(JSON.stringify(filters));
  const invoices = useInvoices(businessId, filters, pages.cursor);
  const customer = useContact(businessId, contactId ?? '');
  const filtered = q.trim() !== '' || status !== '' || !!contactId;
  const clearCustomer = () => void navigate({ to: '/b/$businessId/sales/invoices', params: { businessId }, search: {} });

  let body;
  if (invoices.isPending) {
    body = <TableSkeleton columns={6} />;
  } else if (invoices.isError) {
    body = <ErrorState error={invoices.error} onRetry={() => void invoices.refetch()} retrying={invoices.isFetching} />;
  } else if (invoices.data.items.length === 0) {
    body = filtered ? (
      <EmptyState
        icon="sales"
        title={t('invoices.noMatchTitle')}
        testId="invoices-empty"
        action={
          <Button
            variant="secondary"
            onClick={() => {
              setSearch('');
              setStatus('');
              if (contactId) clearCustomer();
            }}
          >
            {t('common.clearFilters')}
          </Button>
        }
      >
        {t('invoices.noMatchBody')}
      </EmptyState>
    ) : (
      <EmptyState
        icon="sales"
        title={t('invoices.emptyTitle')}
        testId="invoices-empty"
        action={
          canWrite && (
            <Link className="btn btn-primary btn-md" to="/b/$businessId/sales/invoices/new" params={{ businessId }}>
              {t('invoices.new')}
            </Link>
          )
        }
      >
        {t('invoices.emptyBody')}
      </EmptyState>
    );
  } else {
    body = (
      <>
        <div className={`table-wrap${invoices.isPlaceholderData ? ' is-stale' : ''}`}>
          <table className="table" data-testid="invoices-table">
            <thead>
              <tr>
                <th scope="col">{t('invoices.columns.number')}</th>
                <th scope="col">{t('invoices.columns.customer')}</th>
                <th scope="col">{t('invoices.columns.status')}</th>
                <th scope="col">{t('invoices.columns.due')}</th>
                <th scope="col" className="align-end">
                  {t('invoices.columns.total')}
                </th>
                <th scope="col" className="align-end">
                  {t('invoices.columns.balance')}
                </th>
              </tr>
            </thead>
            <tbody>
              {invoices.data.items.map((invoice) => (
                <tr key={invoice.id} data-testid={`invoice-row-${invoice.id}`} data-status={invoice.status}>
                  <td>
                    <div className="person">
                    <Link
                      className="person-name"
                      to={invoice.status === 'draft' ? '/b/$businessId/sales/invoices/$invoiceId/edit' : '/b/$businessId/sales/invoices/$invoiceId'}
                      params={{ businessId, invoiceId: invoice.id }}
                    >
                      {invoice.number ?? t('invoices.draftNumber')}
                    </Link>
                    <span className="person-email">{format.date(`${invoice.issueDate}T00:00:00`)}</span>
                    </div>
                  </td>
                  <td data-label={t('invoices.columns.customer')}>{invoice.contact.name}</td>
                  <td data-label={t('invoices.columns.status')}>
                    <InvoiceStatusBadge status={invoice.status} overdue={invoice.overdue} />
                  </td>
                  <td data-label={t('invoices.columns.due')}>{format.date(`${invoice.dueDate}T00:00:00`)}</td>
                  <td data-label={t('invoices.columns.total')} className="align-end num">
                    {money.json(invoice.total)}
                  </td>
                  <td data-label={t('invoices.columns.balance')} className="align-end num">
                    {money.json(invoice.balance)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <CursorPager
          pageIndex={pages.pageIndex}
          nextCursor={invoices.data.nextCursor}
          onNext={pages.next}
          onPrevious={pages.previous}
          busy={invoices.isFetching}
        />
      </>
    );
  }

  return (
    <Card
      title={t('invoices.title')}
      description={t('invoices.description')}
      testId="invoices-section"
      actions={
        <>
          <CsvExportLink href={invoicesExportUrl(businessId, filters)} testId="export-invoices" />
          {canWrite && (
            <Link
              className="btn btn-primary btn-sm"
              to="/b/$businessId/sales/invoices/new"
              params={{ businessId }}
              search={contactId ? { contactId } : {}}
              data-testid="new-invoice"
            >
              <Icon name="plus" size={16} />
              <span>{t('invoices.new')}</span>
            </Link>
          )}
        </>
      }
    >
      <ListToolbar>
        <input
          className="input input-sm toolbar-search"
          type="search"
          placeholder={t('invoices.searchPlaceholder')}
          aria-label={t('common.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          data-testid="invoices-search"
        />
        <select
          className="input select input-sm"
          aria-label={t('invoices.columns.status')}
          value={status}
          onChange={(e) => setStatus(e.target.value as InvoiceStatusFilter)}
          data-testid="invoices-status"
        >
          <option value="">{t('invoices.allStatuses')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`invoices.status.${s}`)}
            </option>
          ))}
        </select>
        {contactId && (
          <span className="chip" data-testid="invoices-customer-filter">
            {t('invoices.forCustomer', { name: customer.data?.name ?? '…' })}
            <button type="button" className="chip-remove" aria-label={t('common.clearFilters')} onClick={clearCustomer}>
              <Icon name="close" size={14} />
            </button>
          </span>
        )}
      </ListToolbar>
      {body}
    </Card>
  );
}
