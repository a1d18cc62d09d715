import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCursorPages } from '../../../components/CursorPager';
import { Icon } from '../../../components/Icon';
import { useFormatters } from '../../../lib/format';
import { useMoneyFormat } from '../../../lib/money';
import { allows, type Permissions } from '../../../lib/permissions';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { usePurchaseOrders, type PurchaseOrderFilters } from '../api/get-purchase-orders';
import { exportUrl } from '../api/purchases-keys';
import { ListCard } from '../components/ListCard';
import { PagedList } from '../components/PagedList';
import { StatusBadge } from '../components/StatusBadge';

const STATUSES = ['open', 'draft', 'ordered', 'partially_received', 'received', 'closed', 'cancelled'] as const;

export function PurchaseOrdersPage({ businessId, permissions }: { businessId: string; permissions: Permissions }) {
  const { t } = useTranslation();
  useDocumentTitle(t('purchaseOrders.title'));
  const format = useFormatters();
  const money = useMoneyFormat();
  const canWrite = allows(permissions, 'purchases.write');
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<PurchaseOrderFilters['status']>('');
  const q = useDebouncedValue(search);
  const filters: PurchaseOrderFilters = { q, status, contactId: '' };
  const pages = useCursorPages(JSON.stringify(filters));
  const orders = usePurchaseOrders(businessId, filters, pages.cursor);
  const filtered = q.trim() !== '' || status !== '';
  const date = (iso: string) => format.date(`${iso}T00:00:00`);
  const newLink = (size: 'sm' | 'md') => (
    <Link className={`btn btn-primary btn-${size}`} to="/b/$businessId/purchases/orders/new" params={{ businessId }} data-testid={size === 'sm' ? 'new-purchase-order' : undefined}>
      {size === 'sm' && <Icon name="plus" size={16} />}
      <span>{t('purchaseOrders.new')}</span>
    </Link>
  );

  const body = (
    <PagedList
      query={orders}
      pages={pages}
      columns={6}
      filtered={filtered}
      icon="purchases"
      testId="purchase-orders"
      empty={{
        title: t('purchaseOrders.emptyTitle'),
        body: canWrite ? t('purchaseOrders.emptyBody') : t('purchaseOrders.emptyBodyReadOnly'),
        action: canWrite && newLink('md'),
      }}
      noMatch={{ title: t('purchaseOrders.noMatchTitle'), body: t('purchaseOrders.noMatchBody') }}
      onClear={() => {
        setSearch('');
        setStatus('');
      }}
    >
      {(items) => (
          <table className="table" data-testid="purchase-orders-table">
            <thead>
              <tr>
                <th scope="col">{t('purchaseOrders.columns.number')}</th>
                <th scope="col">{t('purchaseOrders.columns.supplier')}</th>
                <th scope="col">{t('purchaseOrders.columns.status')}</th>
                <th scope="col">{t('purchaseOrders.columns.expected')}</th>
                <th scope="col">{t('purchaseOrders.columns.location')}</th>
                <th scope="col" className="align-end">{t('purchaseOrders.columns.total')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((o) => (
                <tr key={o.id} data-testid={`purchase-order-row-${o.id}`} data-status={o.status}>
                  <td>
                    <div className="person">
                      <Link
                        className="person-name"
                        to={o.status === 'draft' ? '/b/$businessId/purchases/orders/$purchaseOrderId/edit' : '/b/$businessId/purchases/orders/$purchaseOrderId'}
                        params={{ businessId, purchaseOrderId: o.id }}
                      >
                        {o.number ?? t('purchaseOrders.draftNumber')}
                      </Link>
                      <span className="person-email">{date(o.orderDate)}</span>
                    </div>
                  </td>
                  <td data-label={t('purchaseOrders.columns.supplier')}>{o.contact.name}</td>
                  <td data-label={t('purchaseOrders.columns.status')}>
                    <StatusBadge kind="purchaseOrders" status={o.status} testId="purchase-order-status" />
                    {o.billedFully && o.status !== 'draft' && o.status !== 'cancelled' && o.status !== 'closed' && (
                      <span className="muted small"> · {t('purchaseOrders.billedFully')}</span>
                    )}
                  </td>
                  <td data-label={t('purchaseOrders.columns.expected')}>{o.expectedDate ? date(o.expectedDate) : <span className="muted">—</span>}</td>
                  <td data-label={t('purchaseOrders.columns.location')}>{o.location.name}</td>
                  <td data-label={t('purchaseOrders.columns.total')} className="align-end num">{money.json(o.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
      )}
    </PagedList>
  );

  return (
    <ListCard
      title={t('purchaseOrders.title')}
      description={t('purchaseOrders.description')}
      testId="purchase-orders"
      exportHref={exportUrl(businessId, 'purchase-orders', filters)}
      newAction={canWrite && newLink('sm')}
      search={{ value: search, onChange: setSearch, placeholder: t('purchaseOrders.searchPlaceholder') }}
      filters={
        <>
        <select
          className="input select input-sm"
          aria-label={t('purchaseOrders.columns.status')}
          value={status}
          onChange={(e) => setStatus(e.target.value as PurchaseOrderFilters['status'])}
          data-testid="purchase-orders-status"
        >
          <option value="">{t('purchaseOrders.allStatuses')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {s === 'open' ? t('purchaseOrders.open') : t(`purchaseOrders.status.${s}`)}
            </option>
          ))}
        </select>
        </>
      }
    >
      {body}
    </ListCard>
  );
}
