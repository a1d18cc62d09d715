import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/Card';
import { CursorPager, useCursorPages } from '../../../components/CursorPager';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { TableSkeleton } from '../../../components/Skeleton';
import { PageSpinner } from '../../../components/Spinner';
import { useFormatters } from '../../../lib/format';
import { useMoneyFormat } from '../../../lib/money';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { movementsCsvUrl } from '../api/export-stock';
import { useProductStock } from '../api/get-product-stock';
import { useStockCard } from '../api/get-stock-card';
import { LocationSelect } from '../components/LocationSelect';
import { SourceLink, useSourceLabel } from '../components/SourceLink';
import { useQuantityFormat } from '../quantity';

/**
 * The stock card of a product: every movement, newest first, with the running quantity and value
 * after it (at one location, or over all of them).
 */
export function StockCardPage({ businessId, productId, locationId }: { businessId: string; productId: string; locationId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const money = useMoneyFormat();
  const qty = useQuantityFormat();
  const format = useFormatters();
  const sourceLabel = useSourceLabel();
  const stock = useProductStock(businessId, productId);
  const pages = useCursorPages(locationId);
  const card = useStockCard(businessId, productId, locationId, pages.cursor);
  useDocumentTitle(stock.data ? t('inventory.card.titleOf', { name: stock.data.product.name }) : t('inventory.card.title'));

  if (stock.isPending) return <PageSpinner />;
  if (stock.isError) return <ErrorState error={stock.error} onRetry={() => void stock.refetch()} retrying={stock.isFetching} />;
  const s = stock.data;
  const unit = s.product.unit;
  const setLocation = (id: string) =>
    void navigate({
      to: '/b/$businessId/inventory/products/$productId/stock',
      params: { businessId, productId },
      search: id ? { locationId: id } : {},
      replace: true,
    });

  let body;
  if (card.isPending) body = <TableSkeleton columns={7} />;
  else if (card.isError) body = <ErrorState error={card.error} onRetry={() => void card.refetch()} retrying={card.isFetching} />;
  else if (card.data.items.length === 0) {
    body = (
      <EmptyState icon="inventory" title={t('inventory.card.emptyTitle')} testId="stock-card-empty">
        {s.trackStock ? t('inventory.card.emptyBody') : t('inventory.card.notTracked')}
      </EmptyState>
    );
  } else {
    body = (
      <>
        <div className={`table-wrap${card.isPlaceholderData ? ' is-stale' : ''}`}>
          <table className="table stock-card-table" data-testid="stock-card-table">
            <thead>
              <tr>
                <th scope="col">{t('inventory.columns.movement')}</th>
                <th scope="col">{t('inventory.columns.location')}</th>
                <th scope="col" className="align-end">{t('inventory.columns.quantity')}</th>
                <th scope="col" className="align-end">{t('inventory.columns.value')}</th>
                <th scope="col" className="align-end">{t('inventory.columns.balanceQuantity')}</th>
                <th scope="col" className="align-end">{t('inventory.columns.balanceValue')}</th>
              </tr>
            </thead>
            <tbody>
              {card.data.items.map((e) => (
                <tr key={e.movementId} data-testid="stock-card-row" data-kind={e.kind}>
                  <td>
                    <div className="person">
                      <span className="person-name">
                        <span className={`badge badge-kind badge-kind-${e.kind}`}>{t(`inventory.movementKinds.${e.kind}`)}</span>{' '}
                        <SourceLink businessId={businessId} sourceType={e.sourceType} sourceId={e.sourceId} operationId={e.operationId}>
                          {e.description}
                        </SourceLink>
                      </span>
                      <span className="person-email">
                        {format.date(`${e.date}T00:00:00`)} · {sourceLabel(e.sourceType)}
                        {e.reason && e.kind === 'adjustment' ? ` · ${t(`inventory.reasons.${e.reason}` as never, { defaultValue: e.reason })}` : ''}
                      </span>
                    </div>
                  </td>
                  <td data-label={t('inventory.columns.location')}>{e.location.code}</td>
                  <td data-label={t('inventory.columns.quantity')} className={`align-end num${e.quantity.startsWith('-') ? ' text-danger' : ' text-success'}`}>
                    {qty(e.quantity, { signed: true })}
                  </td>
                  <td data-label={t('inventory.columns.value')} className="align-end num">
                    {money.json(e.value)}
                  </td>
                  <td data-label={t('inventory.columns.balanceQuantity')} className="align-end num" data-testid="stock-card-balance">
                    <span>
                      <strong>{qty(e.balanceQuantity)}</strong> <span className="muted small">{unit}</span>
                    </span>
                  </td>
                  <td data-label={t('inventory.columns.balanceValue')} className="align-end num">
                    {money.json(e.balanceValue)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <CursorPager pageIndex={pages.pageIndex} nextCursor={card.data.nextCursor} onNext={pages.next} onPrevious={pages.previous} busy={card.isFetching} />
      </>
    );
  }

  return (
    <div className="subpage" data-testid="page-stock-card">
      <Link className="back-link" to="/b/$businessId/inventory/stock" params={{ businessId }}>
        ← {t('inventory.stock.back')}
      </Link>
      <div className="subpage-head">
        <div>
          <h2 className="subpage-title" data-testid="stock-card-product">
            {s.product.name}
          </h2>
          <p className="muted mono">{s.product.sku}</p>
        </div>
        <div className="page-actions">
          <Link className="btn btn-ghost btn-sm" to="/b/$businessId/inventory/products/$productId" params={{ businessId, productId }}>
            {t('inventory.card.editProduct')}
          </Link>
          <a className="btn btn-ghost btn-sm" href={movementsCsvUrl(businessId, { from: '', to: '', locationId, productId })} download data-testid="stock-card-csv">
            {t('common.exportCsv')}
          </a>
        </div>
      </div>
      <Card>
        <dl className="facts" data-testid="stock-card-totals">
          <div>
            <dt>{t('inventory.columns.onHand')}</dt>
            <dd className="num" data-testid="stock-on-hand">
              {qty(s.onHand)} {unit}
            </dd>
          </div>
          <div>
            <dt>{t('inventory.columns.reserved')}</dt>
            <dd className="num" data-testid="stock-reserved">{qty(s.reserved)}</dd>
          </div>
          <div>
            <dt>{t('inventory.columns.available')}</dt>
            <dd className="num" data-testid="stock-available">{qty(s.available)}</dd>
          </div>
          <div>
            <dt>{t('inventory.columns.value')}</dt>
            <dd className="num" data-testid="stock-value">{money.json(s.value)}</dd>
          </div>
        </dl>
        {s.locations.length > 1 && (
          <ul className="location-breakdown" data-testid="stock-card-locations">
            {s.locations.map((l) => (
              <li key={l.location.id}>
                <span>{l.location.name}</span>
                <span className="num">
                  {qty(l.onHand)} {unit} · {money.json(l.value)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card
        title={t('inventory.card.movements')}
        description={locationId ? t('inventory.card.runningAtLocation') : t('inventory.card.runningAll')}
        actions={
          <LocationSelect
            businessId={businessId}
            value={locationId}
            onChange={setLocation}
            allLabel={t('inventory.locations.all')}
            label={t('inventory.fields.location')}
            testId="stock-card-location"
          />
        }
      >
        {body}
      </Card>
    </div>
  );
}
