import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { CursorPager, useCursorPages } from '../../../components/CursorPager';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { ListToolbar } from '../../../components/ListToolbar';
import { TableSkeleton } from '../../../components/Skeleton';
import { PageSpinner } from '../../../components/Spinner';
import { useFormatters } from '../../../lib/format';
import { useMoneyFormat } from '../../../lib/money';
import { allows, type Permissions } from '../../../lib/permissions';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useCancelStockCount } from '../api/cancel-stock-count';
import { useStockCount } from '../api/get-stock-count';
import { useStockCountLines, type CountLineFilter } from '../api/get-stock-count-lines';
import { CountEntry } from '../components/CountEntry';
import { CountLinesTable } from '../components/CountLinesTable';
import { PostCountDialog } from '../components/PostCountDialog';

const FILTERS = ['all', 'uncounted', 'counted', 'differences', 'drift'] as const satisfies readonly CountLineFilter[];

/** One count: enter and review counted quantities, then post the differences (or cancel). */
export function CountDetailPage({ businessId, countId, permissions }: { businessId: string; countId: string; permissions: Permissions }) {
  const { t } = useTranslation();
  const money = useMoneyFormat();
  const format = useFormatters();
  const count = useStockCount(businessId, countId);
  const cancel = useCancelStockCount(businessId, countId);
  const [filter, setFilter] = useState<CountLineFilter>('all');
  const [search, setSearch] = useState('');
  const [posting, setPosting] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [flagged, setFlagged] = useState<ReadonlySet<string>>(new Set());
  const q = useDebouncedValue(search);
  const pages = useCursorPages(`${filter}|${q}`);
  const lines = useStockCountLines(businessId, countId, { filter, q }, pages.cursor);
  useDocumentTitle(count.data ? t('inventory.counts.numberAt', { number: count.data.number, location: count.data.location.name }) : t('inventory.counts.title'));

  if (count.isPending) return <PageSpinner />;
  if (count.isError) return <ErrorState error={count.error} onRetry={() => void count.refetch()} retrying={count.isFetching} />;
  const c = count.data;
  const s = c.summary;
  const draft = c.status === 'draft';
  const canWrite = allows(permissions, 'inventory.write');
  const editable = draft && canWrite;

  let body;
  if (lines.isPending) body = <TableSkeleton columns={6} />;
  else if (lines.isError) body = <ErrorState error={lines.error} onRetry={() => void lines.refetch()} retrying={lines.isFetching} />;
  else if (lines.data.items.length === 0) {
    body = (
      <EmptyState icon="inventory" title={t('inventory.counts.noLinesTitle')} testId="count-lines-empty">
        {t(`inventory.counts.noLines.${filter}`)}
      </EmptyState>
    );
  } else {
    body = (
      <>
        <div className={lines.isPlaceholderData ? 'is-stale' : undefined}>
          <CountLinesTable businessId={businessId} countId={countId} lines={lines.data.items} editable={editable} driftLineIds={flagged} />
        </div>
        <CursorPager pageIndex={pages.pageIndex} nextCursor={lines.data.nextCursor} onNext={pages.next} onPrevious={pages.previous} busy={lines.isFetching} />
      </>
    );
  }

  return (
    <div className="subpage" data-testid="page-count">
      <Link className="back-link" to="/b/$businessId/inventory/counts" params={{ businessId }}>
        ← {t('inventory.counts.back')}
      </Link>
      <div className="subpage-head">
        <div>
          <h2 className="subpage-title" data-testid="count-title">
            {t('inventory.counts.numberAt', { number: c.number, location: c.location.name })}{' '}
            <span className={`badge badge-count-${c.status}`} data-testid="count-status">
              {t(`inventory.counts.statuses.${c.status}`)}
            </span>
          </h2>
          <p className="muted">
            {t('inventory.counts.snapshotAt', { when: format.dateTime(c.snapshotAt) })}
            {c.note ? ` · ${c.note}` : ''}
          </p>
        </div>
        {editable && (
          <div className="page-actions">
            <Button variant="ghost" className="text-danger" onClick={() => setCancelling(true)} data-testid="cancel-count">
              {t('inventory.counts.cancel')}
            </Button>
            <Button onClick={() => setPosting(true)} disabled={s.counted === 0} data-testid="post-count">
              {t('inventory.counts.review')}
            </Button>
          </div>
        )}
      </div>
      <Card>
        <dl className="facts" data-testid="count-summary">
          <div>
            <dt>{t('inventory.counts.progress')}</dt>
            <dd className="num">{t('inventory.counts.progressOf', { counted: s.counted, lines: s.lines })}</dd>
          </div>
          <div>
            <dt>{t('inventory.counts.differences')}</dt>
            <dd className="num">{s.differences}</dd>
          </div>
          {draft && (
            <div>
              <dt>{t('inventory.counts.drifted')}</dt>
              <dd className={`num${s.drifted > 0 ? ' text-warning' : ''}`} data-testid="count-drifted">
                {s.drifted}
              </dd>
            </div>
          )}
          <div>
            <dt>{draft ? t('inventory.counts.valueEstimate') : t('inventory.counts.valueBooked')}</dt>
            <dd className="num" data-testid="count-value">
              {c.status === 'cancelled' ? '—' : money.json(s.value)}
            </dd>
          </div>
          {c.status === 'posted' && c.operationId && (
            <div>
              <dt>{t('inventory.counts.postedAs')}</dt>
              <dd>
                <Link to="/b/$businessId/inventory/operations/$operationId" params={{ businessId, operationId: c.operationId }} data-testid="count-operation">
                  {t('inventory.counts.postedOn', { date: format.date(`${c.countDate}T00:00:00`) })}
                </Link>
              </dd>
            </div>
          )}
        </dl>
        {draft && s.drifted > 0 && <p className="alert alert-warning count-drift-note">{t('inventory.counts.driftNote')}</p>}
      </Card>
      {editable && (
        <Card title={t('inventory.counts.entryTitle')} description={t('inventory.counts.entryHint')}>
          <CountEntry businessId={businessId} countId={countId} />
        </Card>
      )}
      <Card title={t('inventory.counts.linesTitle')}>
        <ListToolbar>
          <div className="segmented segmented-scroll" role="group" aria-label={t('inventory.counts.show')}>
            {FILTERS.filter((f) => draft || f !== 'drift').map((f) => (
              <button key={f} type="button" className={`segmented-item${filter === f ? ' is-active' : ''}`} aria-pressed={filter === f} onClick={() => setFilter(f)} data-testid={`count-filter-${f}`}>
                {t(`inventory.counts.filters.${f}`)}
              </button>
            ))}
          </div>
          <input
            className="input input-sm toolbar-search"
            type="search"
            placeholder={t('inventory.stock.searchPlaceholder')}
            aria-label={t('common.search')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            data-testid="count-search"
          />
        </ListToolbar>
        {body}
      </Card>
      {posting && (
        <PostCountDialog
          businessId={businessId}
          count={c}
          open
          onClose={() => setPosting(false)}
          onDrift={(ids) => {
            setFlagged(new Set(ids));
            setFilter('drift');
          }}
        />
      )}
      <ConfirmDialog
        open={cancelling}
        title={t('inventory.counts.cancelTitle', { number: c.number })}
        confirmLabel={t('inventory.counts.cancel')}
        pending={cancel.isPending}
        error={cancel.error}
        onCancel={() => setCancelling(false)}
        onConfirm={() => cancel.mutate(undefined, { onSuccess: () => setCancelling(false) })}
      >
        {t('inventory.counts.cancelBody')}
      </ConfirmDialog>
    </div>
  );
}
