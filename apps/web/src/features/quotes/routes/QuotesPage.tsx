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
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useQuotes, type QuoteFilters, type QuoteStatus } from '../api/get-quotes';
import { QuoteStatusBadge } from '../components/QuoteStatusBadge';

const STATUSES: readonly QuoteStatus[] = ['draft', 'sent', 'accepted', 'declined', 'expired'];

export function QuotesPage({ businessId, permissions }: { businessId: string; permissions: Permissions }) {
  const { t } = useTranslation();
  useDocumentTitle(t('quotes.title'));
  const format = useFormatters();
  const money = useMoneyFormat();
  const canWrite = allows(permissions, 'quotes.write');
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<QuoteStatus | ''>('');
  const q = useDebouncedValue(search);
  const filters: QuoteFilters = { q, status, contactId: '' };
  const pages = useCursorPages(JSON.stringify(filters));
  const quotes = useQuotes(businessId, filters, pages.cursor);
  const filtered = q.trim() !== '' || status !== '';
  const date = (iso: string) => format.date(`${iso}T00:00:00`);

  let body;
  if (quotes.isPending) {
    body = <TableSkeleton columns={6} />;
  } else if (quotes.isError) {
    body = <ErrorState error={quotes.error} onRetry={() => void quotes.refetch()} retrying={quotes.isFetching} />;
  } else if (quotes.data.items.length === 0) {
    body = filtered ? (
      <EmptyState
        icon="sales"
        title={t('quotes.noMatchTitle')}
        testId="quotes-empty"
        action={
          <Button variant="secondary" onClick={() => { setSearch(''); setStatus(''); }}>
            {t('common.clearFilters')}
          </Button>
        }
      >
        {t('quotes.noMatchBody')}
      </EmptyState>
    ) : (
      <EmptyState
        icon="sales"
        title={t('quotes.emptyTitle')}
        testId="quotes-empty"
        action={
          canWrite && (
            <Link className="btn btn-primary btn-md" to="/b/$businessId/sales/quotes/new" params={{ businessId }}>
              {t('quotes.new')}
            </Link>
          )
        }
      >
        {t('quotes.emptyBody')}
      </EmptyState>
    );
  } else {
    body = (
      <>
        <div className={`table-wrap${quotes.isPlaceholderData ? ' is-stale' : ''}`}>
          <table className="table quotes-table" data-testid="quotes-table">
            <thead>
              <tr>
                <th scope="col">{t('quotes.columns.number')}</th>
                <th scope="col">{t('quotes.columns.customer')}</th>
                <th scope="col">{t('quotes.columns.status')}</th>
                <th scope="col">{t('quotes.columns.validUntil')}</th>
                <th scope="col">{t('quotes.columns.order')}</th>
                <th scope="col" className="align-end">
                  {t('quotes.columns.total')}
                </th>
              </tr>
            </thead>
            <tbody>
              {quotes.data.items.map((quote) => (
                <tr key={quote.id} data-testid={`quote-row-${quote.id}`} data-status={quote.status}>
                  <td>
                    <div className="person">
                      <Link className="person-name" to="/b/$businessId/sales/quotes/$quoteId" params={{ businessId, quoteId: quote.id }}>
                        {quote.number}
                      </Link>
                      <span className="person-email">{date(quote.issueDate)}</span>
                    </div>
                  </td>
                  <td data-label={t('quotes.columns.customer')}>{quote.contact.name}</td>
                  <td data-label={t('quotes.columns.status')}>
                    <QuoteStatusBadge status={quote.status} />
                  </td>
                  <td data-label={t('quotes.columns.validUntil')} className={quote.status === 'expired' ? 'text-danger' : undefined}>
                    {date(quote.validUntil)}
                  </td>
                  <td data-label={t('quotes.columns.order')}>
                    {quote.salesOrder ? (
                      <Link to="/b/$businessId/sales/orders/$orderId" params={{ businessId, orderId: quote.salesOrder.id }}>
                        {quote.salesOrder.number}
                      </Link>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                  <td data-label={t('quotes.columns.total')} className="align-end num">
                    {money.json(quote.total)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <CursorPager pageIndex={pages.pageIndex} nextCursor={quotes.data.nextCursor} onNext={pages.next} onPrevious={pages.previous} busy={quotes.isFetching} />
      </>
    );
  }

  return (
    <Card
      title={t('quotes.title')}
      description={t('quotes.description')}
      testId="quotes-section"
      actions={
        canWrite && (
          <Link className="btn btn-primary btn-sm" to="/b/$businessId/sales/quotes/new" params={{ businessId }} data-testid="new-quote">
            <Icon name="plus" size={16} />
            <span>{t('quotes.new')}</span>
          </Link>
        )
      }
    >
      <ListToolbar>
        <input
          className="input input-sm toolbar-search"
          type="search"
          placeholder={t('quotes.searchPlaceholder')}
          aria-label={t('common.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          data-testid="quotes-search"
        />
        <select
          className="input select input-sm"
          aria-label={t('quotes.columns.status')}
          value={status}
          onChange={(e) => setStatus(e.target.value as QuoteStatus | '')}
          data-testid="quotes-status"
        >
          <option value="">{t('quotes.allStatuses')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`quotes.status.${s}`)}
            </option>
          ))}
        </select>
      </ListToolbar>
      {body}
    </Card>
  );
}
