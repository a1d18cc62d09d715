import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/Card';
import { CursorPager, useCursorPages } from '../../../components/CursorPager';
import { ErrorState } from '../../../components/ErrorState';
import { TableSkeleton } from '../../../components/Skeleton';
import { useCreditSnapshots } from '../api/get-credit-snapshots';
import { useCreditFormat } from './credit-format';

/** Every stored computation, newest first, paged on the server. */
export function SnapshotsCard({ businessId, version }: { businessId: string; version: string }) {
  const { t } = useTranslation();
  const f = useCreditFormat();
  const pages = useCursorPages(version);
  const list = useCreditSnapshots(businessId, pages.cursor, version);
  let body;
  if (list.isPending) body = <TableSkeleton columns={5} rows={3} />;
  else if (list.isError) body = <ErrorState error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />;
  else if (list.data.items.length === 0) body = <p className="credit-muted">{t('credit.snapshots.empty')}</p>;
  else
    body = (
      <>
        <div className={`table-wrap${list.isPlaceholderData ? ' is-stale' : ''}`}>
          <table className="table" data-testid="credit-snapshots">
            <thead>
              <tr>
                <th scope="col">{t('credit.snapshots.when')}</th>
                <th scope="col">{t('credit.snapshots.why')}</th>
                <th scope="col" className="num">
                  {t('credit.snapshots.score')}
                </th>
                <th scope="col">{t('credit.snapshots.model')}</th>
                <th scope="col" className="num">
                  {t('credit.snapshots.took')}
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((s) => (
                <tr key={s.id} data-testid="credit-snapshot-row">
                  <td>
                    <time dateTime={s.computedAt}>{f.dateTime(s.computedAt)}</time>
                  </td>
                  <td data-label={t('credit.snapshots.why')}>{t(`credit.freshness.trigger.${s.trigger}`)}</td>
                  <td className="num" data-label={t('credit.snapshots.score')}>
                    {s.score} · {s.grade}
                  </td>
                  <td className="mono" data-label={t('credit.snapshots.model')}>
                    {s.modelVersion}
                  </td>
                  <td className="num" data-label={t('credit.snapshots.took')}>
                    {t('credit.snapshots.ms', { ms: f.whole(s.computationMs) })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <CursorPager pageIndex={pages.pageIndex} nextCursor={list.data.nextCursor} onNext={pages.next} onPrevious={pages.previous} busy={list.isFetching} />
      </>
    );
  return (
    <Card title={t('credit.snapshots.title')} description={t('credit.snapshots.description')} testId="credit-snapshots-card">
      {body}
    </Card>
  );
}
