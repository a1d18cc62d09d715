import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { CursorPager, useCursorPages } from '../../../components/CursorPager';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { ListToolbar } from '../../../components/ListToolbar';
import { TableSkeleton } from '../../../components/Skeleton';
import { useFormatters } from '../../../lib/format';
import { useMoneyFormat } from '../../../lib/money';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { movementsCsvUrl } from '../api/export-stock';
import { OPERATION_KINDS, useStockOperations, type OperationFilters, type OperationKind } from '../api/get-stock-operations';
import { LocationSelect } from '../components/LocationSelect';

/** Receipts, shipments, transfers, adjustments and counts, newest first; movements export as CSV. */
export function OperationsPage({ businessId }: { businessId: string }) {
  const { t } = useTranslation();
  useDocumentTitle(t('inventory.operations.title'));
  const money = useMoneyFormat();
  const format = useFormatters();
  const [kind, setKind] = useState<OperationKind | ''>('');
  const [locationId, setLocationId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const filters: OperationFilters = { kind, locationId };
  const pages = useCursorPages(JSON.stringify(filters));
  const ops = useStockOperations(businessId, filters, pages.cursor);
  const filtered = kind !== '' || locationId !== '';

  let body;
  if (ops.isPending) body = <TableSkeleton columns={5} />;
  else if (ops.isError) body = <ErrorState error={ops.error} onRetry={() => void ops.refetch()} retrying={ops.isFetching} />;
  else if (ops.data.items.length === 0) {
    body = (
      <EmptyState
        icon="inventory"
        title={filtered ? t('inventory.operations.noMatchTitle') : t('inventory.operations.emptyTitle')}
        testId="operations-empty"
        action={
          filtered && (
            <Button
              variant="secondary"
              onClick={() => {
                setKind('');
                setLocationId('');
              }}
            >
              {t('common.clearFilters')}
            </Button>
          )
        }
      >
        {filtered ? t('inventory.operations.noMatchBody') : t('inventory.operations.emptyBody')}
      </EmptyState>
    );
  } else {
    body = (
      <>
        <div className={`table-wrap${ops.isPlaceholderData ? ' is-stale' : ''}`}>
          <table className="table" data-testid="operations-table">
            <thead>
              <tr>
                <th scope="col">{t('inventory.columns.operation')}</th>
                <th scope="col">{t('inventory.columns.kind')}</th>
                <th scope="col">{t('inventory.columns.location')}</th>
                <th scope="col" className="align-end">{t('inventory.columns.lines')}</th>
                <th scope="col" className="align-end">{t('inventory.columns.value')}</th>
              </tr>
            </thead>
            <tbody>
              {ops.data.items.map((o) => (
                <tr key={o.id} data-testid={`operation-row-${o.id}`}>
                  <td>
                    <div className="person">
                      <Link className="person-name" to="/b/$businessId/inventory/operations/$operationId" params={{ businessId, operationId: o.id }}>
                        {o.description}
                      </Link>
                      <span className="person-email">{format.date(`${o.date}T00:00:00`)}</span>
                    </div>
                  </td>
                  <td data-label={t('inventory.columns.kind')}>
                    <span className={`badge badge-kind badge-kind-${o.kind}`}>{t(`inventory.operationKinds.${o.kind}`)}</span>
                  </td>
                  <td data-label={t('inventory.columns.location')}>
                    {o.location.code}
                    {o.toLocation ? ` → ${o.toLocation.code}` : ''}
                  </td>
                  <td data-label={t('inventory.columns.lines')} className="align-end num">
                    {o.lineCount}
                  </td>
                  <td data-label={t('inventory.columns.value')} className="align-end num">
                    {money.json(o.value)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <CursorPager pageIndex={pages.pageIndex} nextCursor={ops.data.nextCursor} onNext={pages.next} onPrevious={pages.previous} busy={ops.isFetching} />
      </>
    );
  }

  return (
    <>
      <Card title={t('inventory.operations.title')} description={t('inventory.operations.description')} testId="operations-section">
        <ListToolbar>
          <select
            className="input select input-sm"
            aria-label={t('inventory.columns.kind')}
            value={kind}
            onChange={(e) => setKind(e.target.value as OperationKind | '')}
            data-testid="operations-kind"
          >
            <option value="">{t('inventory.operations.allKinds')}</option>
            {OPERATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`inventory.operationKinds.${k}`)}
              </option>
            ))}
          </select>
          <LocationSelect
            businessId={businessId}
            value={locationId}
            onChange={setLocationId}
            allLabel={t('inventory.locations.all')}
            label={t('inventory.fields.location')}
            testId="operations-location"
          />
        </ListToolbar>
        {body}
      </Card>
      <Card title={t('inventory.operations.exportTitle')} description={t('inventory.operations.exportHint')} testId="movements-export">
        <div className="toolbar">
          <label className="inline-field">
            <span className="field-label">{t('inventory.fields.from')}</span>
            <input className="input input-sm" type="date" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="export-from" />
          </label>
          <label className="inline-field">
            <span className="field-label">{t('inventory.fields.to')}</span>
            <input className="input input-sm" type="date" value={to} onChange={(e) => setTo(e.target.value)} data-testid="export-to" />
          </label>
          <a className="btn btn-secondary btn-sm" href={movementsCsvUrl(businessId, { from, to, locationId })} download data-testid="export-movements">
            {t('inventory.operations.exportCsv')}
          </a>
        </div>
      </Card>
    </>
  );
}
