import { Link } from '@tanstack/react-router';
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
import { useProductStock } from '../api/get-product-stock';
import { useStockCard, type StockCardEntry } from '../api/get-stock-card';

/**
 * A product's stock card: what is on hand, reserved and available per location, and every
 * movement (receipts, shipments, transfers, adjustments, counts) with the running balance.
 * Kept minimal and in its own feature folder so the inventory screens can take it over.
 */
export function StockCardPage({ businessId, productId }: { businessId: string; productId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const money = useMoneyFormat();
  const stock = useProductStock(businessId, productId);
  const pages = useCursorPages(productId);
  const card = useStockCard(businessId, productId, pages.cursor);
  useDocumentTitle(stock.data ? t('stockCard.title', { name: stock.data.product.name }) : t('stockCard.heading'));

  if (stock.isPending) return <PageSpinner />;
  if (stock.isError) return <ErrorState error={stock.error} onRetry={() => void stock.refetch()} retrying={stock.isFetching} />;
  const s = stock.data;

  let movements;
  if (card.isPending) movements = <TableSkeleton columns={6} />;
  else if (card.isError) movements = <ErrorState error={card.error} onRetry={() => void card.refetch()} retrying={card.isFetching} />;
  else if (card.data.items.length === 0) {
    movements = (
      <EmptyState icon="inventory" title={t('stockCard.emptyTitle')} testId="stock-card-empty">
        {s.trackStock ? t('stockCard.emptyBody') : t('stockCard.notTracked')}
      </EmptyState>
    );
  } else {
    movements = (
      <>
        <div className={`table-wrap${card.isPlaceholderData ? ' is-stale' : ''}`}>
          <table className="table" data-testid="stock-card-table">
            <thead>
              <tr>
                <th scope="col">{t('stockCard.columns.date')}</th>
                <th scope="col">{t('stockCard.columns.movement')}</th>
                <th scope="col">{t('stockCard.columns.location')}</th>
                <th scope="col" className="align-end">{t('stockCard.columns.quantity')}</th>
                <th scope="col" className="align-end">{t('stockCard.columns.value')}</th>
                <th scope="col" className="align-end">{t('stockCard.columns.balance')}</th>
                <th scope="col" className="align-end">{t('stockCard.columns.balanceValue')}</th>
              </tr>
            </thead>
            <tbody>
              {card.data.items.map((e) => (
                <tr key={e.movementId} data-testid="stock-card-row" data-kind={e.kind}>
                  <td className="nowrap">{format.date(`${e.date}T00:00:00`)}</td>
                  <td>
                    <div className="person">
                      <span className="person-name">{t(`stockCard.kinds.${e.kind}`)}</span>
                      <span className="person-email">
                        <SourceLink businessId={businessId} entry={e} />
                      </span>
                    </div>
                  </td>
                  <td data-label={t('stockCard.columns.location')}>{e.location.code}</td>
                  <td data-label={t('stockCard.columns.quantity')} className={`align-end num ${e.quantity.startsWith('-') ? 'text-danger' : 'text-success'}`}>
                    {e.quantity.startsWith('-') ? e.quantity : `+${e.quantity}`}
                  </td>
                  <td data-label={t('stockCard.columns.value')} className="align-end num">{money.json(e.value)}</td>
                  <td data-label={t('stockCard.columns.balance')} className="align-end num" data-testid="stock-card-balance">{e.balanceQuantity}</td>
                  <td data-label={t('stockCard.columns.balanceValue')} className="align-end num">{money.json(e.balanceValue)}</td>
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
      <Link className="back-link" to="/b/$businessId/inventory/products/$productId" params={{ businessId, productId }}>
        ← {t('stockCard.back', { name: s.product.name })}
      </Link>
      <div className="subpage-head">
        <h2 className="subpage-title">
          {t('stockCard.title', { name: s.product.name })} <span className="badge mono">{s.product.sku}</span>
        </h2>
      </div>
      <div className="stat-grid" data-testid="stock-summary">
        <Stat label={t('stockCard.onHand')} value={`${s.onHand} ${s.product.unit}`} testId="stock-on-hand" />
        <Stat label={t('stockCard.reserved')} value={`${s.reserved} ${s.product.unit}`} testId="stock-reserved" hint={t('stockCard.reservedHint')} />
        <Stat label={t('stockCard.available')} value={`${s.available} ${s.product.unit}`} testId="stock-available" />
        <Stat label={t('stockCard.value')} value={money.json(s.value)} testId="stock-value" />
      </div>
      {s.locations.length > 1 && (
        <Card title={t('stockCard.byLocation')}>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('stockCard.columns.location')}</th>
                  <th scope="col" className="align-end">{t('stockCard.onHand')}</th>
                  <th scope="col" className="align-end">{t('stockCard.reserved')}</th>
                  <th scope="col" className="align-end">{t('stockCard.available')}</th>
                  <th scope="col" className="align-end">{t('stockCard.value')}</th>
                </tr>
              </thead>
              <tbody>
                {s.locations.map((l) => (
                  <tr key={l.location.id}>
                    <td>
                      {l.location.code} · {l.location.name}
                    </td>
                    <td data-label={t('stockCard.onHand')} className="align-end num">{l.onHand}</td>
                    <td data-label={t('stockCard.reserved')} className="align-end num">{l.reserved}</td>
                    <td data-label={t('stockCard.available')} className="align-end num">{l.available}</td>
                    <td data-label={t('stockCard.value')} className="align-end num">{money.json(l.value)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      )}
      <Card title={t('stockCard.movements')} description={t('stockCard.movementsHint')}>
        {movements}
      </Card>
    </div>
  );
}

function Stat({ label, value, hint, testId }: { label: string; value: string; hint?: string; testId: string }) {
  return (
    <div className="stat" data-testid={testId}>
      <span className="stat-label">{label}</span>
      <span className="stat-value num">{value}</span>
      {hint && <span className="muted small">{hint}</span>}
    </div>
  );
}

/** The document behind a movement, linked where the app has a page for it. */
function SourceLink({ businessId, entry }: { businessId: string; entry: StockCardEntry }) {
  if (entry.sourceType === 'sales_shipment' && entry.sourceId) {
    return (
      <Link to="/b/$businessId/sales/shipments/$shipmentId" params={{ businessId, shipmentId: entry.sourceId }} data-testid="stock-card-source">
        {entry.description}
      </Link>
    );
  }
  return <span>{entry.description}</span>;
}
