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
import { SALES_ORDER_FILTERS, useSalesOrders, type SalesOrderFilter, type SalesOrderFilters } from '../api/get-sales-orders';
import { OrderStatusBadges } from '../components/OrderStatusBadges';

export function SalesOrdersPage({ businessId, permissions, initialStatus }: { businessId: string; permissions: Permissions; initialStatus?: SalesOrderFilter }) {
  const { t } = useTranslation();
  useDocumentTitle(t('salesOrders.title'));
  const format = useFormatters();
  const money = useMoneyFormat();
  const canWrite = allows(permissions, 'sales_orders.write');
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<SalesOrderFilter | ''>(initialStatus ?? '');
  const q = useDebouncedValue(search);
  const filters: SalesOrderFilters = { q, status, contactId: '' };
  const pages = useCursorPages(JSON.stringify(filters));
  const orders = useSalesOrders(businessId, filters, pages.cursor);
  const filtered = q.trim() !== '' || status !== '';
  const date = (iso: string) => format.date(`${iso}T00:00:00`);

  let body;
  if (orders.isPending) {
    body = <TableSkeleton columns={5} />;
  } else if (orders.isError) {
    body = <ErrorState error={orders.error} onRetry={() => void orders.refetch()} retrying={orders.isFetching} />;
  } else if (orders.data.items.length === 0) {
    body = filtered ? (
      <EmptyState
        icon="sales"
        title={t('salesOrders.noMatchTitle')}
        testId="orders-empty"
        action={
          <Button variant="secondary" onClick={() => { setSearch(''); setStatus(''); }}>
            {t('common.clearFilters')}
          </Button>
        }
      >
        {status === 'back_ordered' ? t('salesOrders.noBackOrders') : t('salesOrders.noMatchBody')}
      </EmptyState>
    ) : (
      <EmptyState
        icon="sales"
        title={t('salesOrders.emptyTitle')}
        testId="orders-empty"
        action={
          canWrite && (
            <span className="row-actions">
              <Link className="btn btn-primary btn-md" to="/b/$businessId/sales/orders/new" params={{ businessId }}>
                {t('salesOrders.new')}
              </Link>
              <Link className="btn btn-secondary btn-md" to="/b/$businessId/sales/quotes" params={{ businessId }}>
                {t('salesOrders.fromQuotes')}
              </Link>
            </span>
          )
        }
      >
        {t('salesOrders.emptyBody')}
      </EmptyState>
    );
  } else {
    body = (
      <>
        <div className={`table-wrap${orders.isPlaceholderData ? ' is-stale' : ''}`}>
          <table className="table orders-table" data-testid="orders-table">
            <thead>
              <tr>
                <th scope="col">{t('salesOrders.columns.number')}</th>
                <th scope="col">{t('salesOrders.columns.customer')}</th>
                <th scope="col">{t('salesOrders.columns.status')}</th>
                <th scope="col">{t('salesOrders.columns.expected')}</th>
                <th scope="col" className="align-end">
                  {t('salesOrders.columns.total')}
                </th>
              </tr>
            </thead>
            <tbody>
              {orders.data.items.map((order) => (
                <tr key={order.id} data-testid={`order-row-${order.id}`} data-status={order.status} data-back-ordered={order.backOrdered || undefined}>
                  <td>
                    <div className="person">
                      <Link className="person-name" to="/b/$businessId/sales/orders/$orderId" params={{ businessId, orderId: order.id }}>
                        {order.number}
                      </Link>
                      <span className="person-email">{date(order.orderDate)}</span>
                    </div>
                  </td>
                  <td data-label={t('salesOrders.columns.customer')}>{order.contact.name}</td>
                  <td data-label={t('salesOrders.columns.status')}>
                    <OrderStatusBadges order={order} />
                  </td>
                  <td data-label={t('salesOrders.columns.expected')}>{order.expectedDate ? date(order.expectedDate) : <span className="muted">—</span>}</td>
                  <td data-label={t('salesOrders.columns.total')} className="align-end num">
                    {money.json(order.total)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <CursorPager pageIndex={pages.pageIndex} nextCursor={orders.data.nextCursor} onNext={pages.next} onPrevious={pages.previous} busy={orders.isFetching} />
      </>
    );
  }

  return (
    <Card
      title={t('salesOrders.title')}
      description={t('salesOrders.description')}
      testId="orders-section"
      actions={
        canWrite && (
          <Link className="btn btn-primary btn-sm" to="/b/$businessId/sales/orders/new" params={{ businessId }} data-testid="new-order">
            <Icon name="plus" size={16} />
            <span>{t('salesOrders.new')}</span>
          </Link>
        )
      }
    >
      <ListToolbar>
        <input
          className="input input-sm toolbar-search"
          type="search"
          placeholder={t('salesOrders.searchPlaceholder')}
          aria-label={t('common.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          data-testid="orders-search"
        />
        <select
          className="input select input-sm"
          aria-label={t('salesOrders.columns.status')}
          value={status}
          onChange={(e) => setStatus(e.target.value as SalesOrderFilter | '')}
          data-testid="orders-status"
        >
          <option value="">{t('salesOrders.allStatuses')}</option>
          {SALES_ORDER_FILTERS.map((s) => (
            <option key={s} value={s}>
              {t(`salesOrders.filters.${s}`)}
            </option>
          ))}
        </select>
      </ListToolbar>
      {body}
    </Card>
  );
}
