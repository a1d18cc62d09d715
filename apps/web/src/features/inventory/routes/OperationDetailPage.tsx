import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/Card';
import { ErrorState } from '../../../components/ErrorState';
import { PageSpinner } from '../../../components/Spinner';
import { useFormatters } from '../../../lib/format';
import { useMoneyFormat } from '../../../lib/money';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useStockOperation } from '../api/get-stock-operation';
import { useSourceLabel } from '../components/SourceLink';
import { ProductCell } from '../components/ProductCell';
import { useQuantityFormat } from '../quantity';

/** One stock operation: what moved where, at what value, and where it came from. */
export function OperationDetailPage({ businessId, operationId }: { businessId: string; operationId: string }) {
  const { t } = useTranslation();
  const money = useMoneyFormat();
  const qty = useQuantityFormat();
  const format = useFormatters();
  const sourceLabel = useSourceLabel();
  const op = useStockOperation(businessId, operationId);
  useDocumentTitle(op.data?.description ?? t('inventory.operations.title'));

  if (op.isPending) return <PageSpinner />;
  if (op.isError) return <ErrorState error={op.error} onRetry={() => void op.refetch()} retrying={op.isFetching} />;
  const o = op.data;

  return (
    <div className="subpage" data-testid="page-operation">
      <Link className="back-link" to="/b/$businessId/inventory/operations" params={{ businessId }}>
        ← {t('inventory.operations.back')}
      </Link>
      <div className="subpage-head">
        <h2 className="subpage-title" data-testid="operation-title">
          {o.description}
        </h2>
        <span className={`badge badge-kind badge-kind-${o.kind}`}>{t(`inventory.operationKinds.${o.kind}`)}</span>
      </div>
      <Card>
        <dl className="facts">
          <div>
            <dt>{t('inventory.fields.date')}</dt>
            <dd>{format.date(`${o.date}T00:00:00`)}</dd>
          </div>
          <div>
            <dt>{o.toLocation ? t('inventory.fields.from') : t('inventory.fields.location')}</dt>
            <dd>{o.location.name}</dd>
          </div>
          {o.toLocation && (
            <div>
              <dt>{t('inventory.fields.to')}</dt>
              <dd>{o.toLocation.name}</dd>
            </div>
          )}
          {o.reason && (
            <div>
              <dt>{t('inventory.fields.reason')}</dt>
              <dd>{t(`inventory.reasons.${o.reason}` as never, { defaultValue: o.reason })}</dd>
            </div>
          )}
          <div>
            <dt>{t('inventory.fields.source')}</dt>
            <dd>
              {o.sourceType === 'stock_count' && o.sourceId ? (
                <Link to="/b/$businessId/inventory/counts/$countId" params={{ businessId, countId: o.sourceId }}>
                  {sourceLabel(o.sourceType)}
                </Link>
              ) : (
                sourceLabel(o.sourceType)
              )}
            </dd>
          </div>
          <div>
            <dt>{t('inventory.columns.value')}</dt>
            <dd className="num">{money.json(o.value)}</dd>
          </div>
          <div>
            <dt>{t('inventory.operations.journal')}</dt>
            <dd>
              {o.journalEntryId ? (
                <Link to="/b/$businessId/reports/journal" params={{ businessId }}>
                  {t('inventory.operations.journalPosted')}
                </Link>
              ) : (
                <span className="muted">{t('inventory.operations.journalNone')}</span>
              )}
            </dd>
          </div>
          <div>
            <dt>{t('inventory.operations.recorded')}</dt>
            <dd>{format.dateTime(o.createdAt)}</dd>
          </div>
        </dl>
      </Card>
      <Card title={t('inventory.operations.movements')}>
        <div className="table-wrap">
          <table className="table" data-testid="operation-movements">
            <thead>
              <tr>
                <th scope="col">{t('inventory.columns.product')}</th>
                <th scope="col">{t('inventory.columns.location')}</th>
                <th scope="col" className="align-end">{t('inventory.columns.quantity')}</th>
                <th scope="col" className="align-end">{t('inventory.columns.value')}</th>
              </tr>
            </thead>
            <tbody>
              {o.movements.map((m) => (
                <tr key={m.id}>
                  <td>
                    <ProductCell businessId={businessId} product={m.product} />
                  </td>
                  <td data-label={t('inventory.columns.location')}>{m.location.code}</td>
                  <td data-label={t('inventory.columns.quantity')} className={`align-end num${m.quantity.startsWith('-') ? ' text-danger' : ' text-success'}`}>
                    <span>
                      {qty(m.quantity, { signed: true })} <span className="muted small">{m.product.unit}</span>
                    </span>
                  </td>
                  <td data-label={t('inventory.columns.value')} className="align-end num">
                    {money.json(m.value)}
                  </td>
                </tr>
              ))}
              {o.movements.length === 0 && (
                <tr>
                  <td colSpan={4} className="muted">
                    {t('inventory.operations.noMovements')}
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      </Card>
    </div>
  );
}
