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
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useStockCounts, type CountFilters, type CountStatus } from '../api/get-stock-counts';
import { LocationSelect } from '../components/LocationSelect';
import { NewCountDialog } from '../components/NewCountDialog';

const STATUSES = ['draft', 'posted', 'cancelled'] as const satisfies readonly CountStatus[];

/** Stock counts: drafts being counted, and posted or cancelled ones. */
export function CountsPage({ businessId, permissions }: { businessId: string; permissions: Permissions }) {
  const { t } = useTranslation();
  useDocumentTitle(t('inventory.counts.title'));
  const money = useMoneyFormat();
  const format = useFormatters();
  const canWrite = allows(permissions, 'inventory.write');
  const [status, setStatus] = useState<CountStatus | ''>('');
  const [locationId, setLocationId] = useState('');
  const [creating, setCreating] = useState(false);
  const filters: CountFilters = { status, locationId };
  const pages = useCursorPages(JSON.stringify(filters));
  const counts = useStockCounts(businessId, filters, pages.cursor);
  const filtered = status !== '' || locationId !== '';

  let body;
  if (counts.isPending) body = <TableSkeleton columns={5} />;
  else if (counts.isError) body = <ErrorState error={counts.error} onRetry={() => void counts.refetch()} retrying={counts.isFetching} />;
  else if (counts.data.items.length === 0) {
    body = (
      <EmptyState
        icon="inventory"
        title={filtered ? t('inventory.counts.noMatchTitle') : t('inventory.counts.emptyTitle')}
        testId="counts-empty"
        action={
          filtered ? (
            <Button
              variant="secondary"
              onClick={() => {
                setStatus('');
                setLocationId('');
              }}
            >
              {t('common.clearFilters')}
            </Button>
          ) : (
            canWrite && <Button onClick={() => setCreating(true)}>{t('inventory.counts.new')}</Button>
          )
        }
      >
        {filtered ? t('inventory.counts.noMatchBody') : t('inventory.counts.emptyBody')}
      </EmptyState>
    );
  } else {
    body = (
      <>
        <div className={`table-wrap${counts.isPlaceholderData ? ' is-stale' : ''}`}>
          <table className="table" data-testid="counts-table">
            <thead>
              <tr>
                <th scope="col">{t('inventory.counts.count')}</th>
                <th scope="col">{t('inventory.columns.status')}</th>
                <th scope="col" className="align-end">{t('inventory.counts.progress')}</th>
                <th scope="col" className="align-end">{t('inventory.counts.differences')}</th>
                <th scope="col" className="align-end">{t('inventory.columns.value')}</th>
              </tr>
            </thead>
            <tbody>
              {counts.data.items.map((c) => (
                <tr key={c.id} data-testid={`count-row-${c.number}`}>
                  <td>
                    <div className="person">
                      <Link className="person-name" to="/b/$businessId/inventory/counts/$countId" params={{ businessId, countId: c.id }}>
                        {t('inventory.counts.numberAt', { number: c.number, location: c.location.name })}
                      </Link>
                      <span className="person-email">
                        {format.dateTime(c.createdAt)}
                        {c.note ? ` · ${c.note}` : ''}
                      </span>
                    </div>
                  </td>
                  <td data-label={t('inventory.columns.status')}>
                    <span className={`badge badge-count-${c.status}`}>{t(`inventory.counts.statuses.${c.status}`)}</span>
                  </td>
                  <td data-label={t('inventory.counts.progress')} className="align-end num">
                    {t('inventory.counts.progressOf', { counted: c.summary.counted, lines: c.summary.lines })}
                  </td>
                  <td data-label={t('inventory.counts.differences')} className="align-end num">
                    {c.summary.differences}
                  </td>
                  <td data-label={t('inventory.columns.value')} className="align-end num">
                    {c.status === 'cancelled' ? '—' : money.json(c.summary.value)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <CursorPager pageIndex={pages.pageIndex} nextCursor={counts.data.nextCursor} onNext={pages.next} onPrevious={pages.previous} busy={counts.isFetching} />
      </>
    );
  }

  return (
    <Card
      title={t('inventory.counts.title')}
      description={t('inventory.counts.description')}
      testId="counts-section"
      actions={
        canWrite && (
          <Button size="sm" onClick={() => setCreating(true)} data-testid="new-count">
            <Icon name="plus" size={16} />
            <span>{t('inventory.counts.new')}</span>
          </Button>
        )
      }
    >
      <ListToolbar>
        <select className="input select input-sm" aria-label={t('inventory.columns.status')} value={status} onChange={(e) => setStatus(e.target.value as CountStatus | '')} data-testid="counts-status">
          <option value="">{t('inventory.counts.allStatuses')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`inventory.counts.statuses.${s}`)}
            </option>
          ))}
        </select>
        <LocationSelect businessId={businessId} value={locationId} onChange={setLocationId} allLabel={t('inventory.locations.all')} label={t('inventory.fields.location')} testId="counts-location" />
      </ListToolbar>
      {body}
      {creating && <NewCountDialog businessId={businessId} open onClose={() => setCreating(false)} />}
    </Card>
  );
}
