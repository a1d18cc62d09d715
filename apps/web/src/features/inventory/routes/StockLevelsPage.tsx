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
import { allows, type Permissions } from '../../../lib/permissions';
import { useMoneyFormat } from '../../../lib/money';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useStockLevels, type StockLevelFilter, type StockLevelFilters } from '../api/get-stock-levels';
import { LocationSelect } from '../components/LocationSelect';
import { ProductCell } from '../components/ProductCell';
import { useQuantityFormat } from '../quantity';

/** On hand, reserved, available and value per product and location. */
export function StockLevelsPage({ businessId, permissions }: { businessId: string; permissions: Permissions }) {
  const { t } = useTranslation();
  useDocumentTitle(t('inventory.stock.title'));
  const money = useMoneyFormat();
  const qty = useQuantityFormat();
  const canWrite = allows(permissions, 'inventory.write');
  const [search, setSearch] = useState('');
  const [locationId, setLocationId] = useState('');
  const [filter, setFilter] = useState<StockLevelFilter>('in_stock');
  const q = useDebouncedValue(search);
  const filters: StockLevelFilters = { q, locationId, filter };
  const pages = useCursorPages(JSON.stringify(filters));
  const levels = useStockLevels(businessId, filters, pages.cursor);
  const filtered = q.trim() !== '' || locationId !== '' || filter !== 'in_stock';

  let body;
  if (levels.isPending) body = <TableSkeleton columns={6} />;
  else if (levels.isError) body = <ErrorState error={levels.error} onRetry={() => void levels.refetch()} retrying={levels.isFetching} />;
  else if (levels.data.items.length === 0) {
    body = filtered ? (
      <EmptyState
        icon="inventory"
        title={t('inventory.stock.noMatchTitle')}
        testId="stock-empty"
        action={
          <Button
            variant="secondary"
            onClick={() => {
              setSearch('');
              setLocationId('');
              setFilter('in_stock');
            }}
          >
            {t('common.clearFilters')}
          </Button>
        }
      >
        {t('inventory.stock.noMatchBody')}
      </EmptyState>
    ) : (
      <EmptyState
        icon="inventory"
        title={t('inventory.stock.emptyTitle')}
        testId="stock-empty"
        action={
          canWrite && (
            <Link className="btn btn-primary btn-md" to="/b/$businessId/inventory/stock/adjust" params={{ businessId }}>
              {t('inventory.stock.adjust')}
            </Link>
          )
        }
      >
        {t('inventory.stock.emptyBody')}
      </EmptyState>
    );
  } else {
    body = (
      <>
        <div className={`table-wrap${levels.isPlaceholderData ? ' is-stale' : ''}`}>
          <table className="table" data-testid="stock-table">
            <thead>
              <tr>
                <th scope="col">{t('inventory.columns.product')}</th>
                <th scope="col">{t('inventory.columns.location')}</th>
                <th scope="col" className="align-end">{t('inventory.columns.onHand')}</th>
                <th scope="col" className="align-end">{t('inventory.columns.reserved')}</th>
                <th scope="col" className="align-end">{t('inventory.columns.available')}</th>
                <th scope="col" className="align-end">{t('inventory.columns.unitCost')}</th>
                <th scope="col" className="align-end">{t('inventory.columns.value')}</th>
              </tr>
            </thead>
            <tbody>
              {levels.data.items.map((l) => (
                <tr key={`${l.product.id}-${l.location.id}`} data-testid={`stock-row-${l.product.sku}`}>
                  <td>
                    <ProductCell businessId={businessId} product={l.product} locationId={l.location.id} />
                  </td>
                  <td data-label={t('inventory.columns.location')}>{l.location.name}</td>
                  <td data-label={t('inventory.columns.onHand')} className={`align-end num${l.onHand.startsWith('-') ? ' text-danger' : ''}`}>
                    <span>
                      {qty(l.onHand)} <span className="muted small">{l.product.unit}</span>
                    </span>
                  </td>
                  <td data-label={t('inventory.columns.reserved')} className="align-end num">
                    {qty(l.reserved)}
                  </td>
                  <td data-label={t('inventory.columns.available')} className={`align-end num${l.available.startsWith('-') ? ' text-danger' : ''}`}>
                    {qty(l.available)}
                  </td>
                  <td data-label={t('inventory.columns.unitCost')} className="align-end num">
                    {money.json(l.unitCost)}
                  </td>
                  <td data-label={t('inventory.columns.value')} className="align-end num">
                    {money.json(l.value)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <CursorPager pageIndex={pages.pageIndex} nextCursor={levels.data.nextCursor} onNext={pages.next} onPrevious={pages.previous} busy={levels.isFetching} />
      </>
    );
  }

  return (
    <Card
      title={t('inventory.stock.title')}
      description={t('inventory.stock.description')}
      testId="stock-section"
      actions={
        canWrite && (
          <>
            <Link className="btn btn-secondary btn-sm" to="/b/$businessId/inventory/stock/transfer" params={{ businessId }} data-testid="new-transfer">
              {t('inventory.stock.transfer')}
            </Link>
            <Link className="btn btn-primary btn-sm" to="/b/$businessId/inventory/stock/adjust" params={{ businessId }} data-testid="new-adjustment">
              <Icon name="plus" size={16} />
              <span>{t('inventory.stock.adjust')}</span>
            </Link>
          </>
        )
      }
    >
      <ListToolbar>
        <input
          className="input input-sm toolbar-search"
          type="search"
          placeholder={t('inventory.stock.searchPlaceholder')}
          aria-label={t('common.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          data-testid="stock-search"
        />
        <LocationSelect
          businessId={businessId}
          value={locationId}
          onChange={setLocationId}
          allLabel={t('inventory.locations.all')}
          label={t('inventory.fields.location')}
          testId="stock-location"
        />
        <select
          className="input select input-sm"
          aria-label={t('inventory.stock.show')}
          value={filter}
          onChange={(e) => setFilter(e.target.value as StockLevelFilter)}
          data-testid="stock-filter"
        >
          <option value="in_stock">{t('inventory.stock.filters.in_stock')}</option>
          <option value="all">{t('inventory.stock.filters.all')}</option>
          <option value="negative">{t('inventory.stock.filters.negative')}</option>
        </select>
      </ListToolbar>
      {body}
    </Card>
  );
}
