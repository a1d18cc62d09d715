import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { ErrorState } from '../../../components/ErrorState';
import { TableSkeleton } from '../../../components/Skeleton';
import { useMoneyFormat } from '../../../lib/money';
import { useProductStock } from '../api/get-product-stock';
import { useReorderRules, type ReorderRule } from '../api/get-reorder-rules';
import { useQuantityFormat } from '../quantity';
import { ReorderRuleDialog } from './ReorderRuleDialog';

/** On the product page: its stock at each location, its reorder rules, and the way to its stock card. */
export function ProductStockPanel({ businessId, productId, canWrite }: { businessId: string; productId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const money = useMoneyFormat();
  const qty = useQuantityFormat();
  const stock = useProductStock(businessId, productId);
  const rules = useReorderRules(businessId, { q: '', locationId: '', state: 'all', productId });
  const [editing, setEditing] = useState<ReorderRule | 'new' | null>(null);

  if (stock.isPending) return <TableSkeleton rows={2} columns={4} />;
  if (stock.isError) return <ErrorState error={stock.error} onRetry={() => void stock.refetch()} retrying={stock.isFetching} />;
  const s = stock.data;
  if (!s.trackStock && s.locations.length === 0) return null;

  return (
    <Card
      title={t('inventory.productPanel.title')}
      description={t('inventory.productPanel.description', { onHand: qty(s.onHand), unit: s.product.unit, value: money.json(s.value) })}
      testId="product-stock"
      actions={
        <Link className="btn btn-secondary btn-sm" to="/b/$businessId/inventory/products/$productId/stock" params={{ businessId, productId }} data-testid="open-stock-card">
          {t('inventory.productPanel.stockCard')}
        </Link>
      }
    >
      {s.locations.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('inventory.columns.location')}</th>
                <th scope="col" className="align-end">{t('inventory.columns.onHand')}</th>
                <th scope="col" className="align-end">{t('inventory.columns.reserved')}</th>
                <th scope="col" className="align-end">{t('inventory.columns.available')}</th>
                <th scope="col" className="align-end">{t('inventory.columns.value')}</th>
              </tr>
            </thead>
            <tbody>
              {s.locations.map((l) => (
                <tr key={l.location.id}>
                  <td>{l.location.name}</td>
                  <td data-label={t('inventory.columns.onHand')} className="align-end num">{qty(l.onHand)}</td>
                  <td data-label={t('inventory.columns.reserved')} className="align-end num">{qty(l.reserved)}</td>
                  <td data-label={t('inventory.columns.available')} className="align-end num">{qty(l.available)}</td>
                  <td data-label={t('inventory.columns.value')} className="align-end num">{money.json(l.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {s.trackStock && (
        <div className="product-rules">
          <h3 className="card-subtitle">{t('inventory.productPanel.rules')}</h3>
          {rules.data && rules.data.items.length > 0 ? (
            <ul className="plain-list" data-testid="product-rules">
              {rules.data.items.map((r) => (
                <li key={r.id}>
                  <span>
                    {t('inventory.productPanel.rule', { location: r.location.name, point: qty(r.reorderPoint), quantity: qty(r.reorderQuantity), unit: r.product.unit })}
                    {r.low && (
                      <>
                        {' '}
                        <span className="badge badge-low">{t('inventory.reorder.low')}</span>
                      </>
                    )}
                  </span>
                  {canWrite && (
                    <Button size="sm" variant="ghost" onClick={() => setEditing(r)}>
                      {t('common.edit')}
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted small">{t('inventory.productPanel.noRules')}</p>
          )}
          {canWrite && (
            <Button size="sm" variant="ghost" onClick={() => setEditing('new')} data-testid="add-product-rule">
              {t('inventory.reorder.newRule')}
            </Button>
          )}
        </div>
      )}
      {editing && (
        <ReorderRuleDialog
          businessId={businessId}
          rule={editing === 'new' ? null : editing}
          initialProduct={{ id: s.product.id, sku: s.product.sku, name: s.product.name, unit: s.product.unit }}
          onClose={() => setEditing(null)}
        />
      )}
    </Card>
  );
}
