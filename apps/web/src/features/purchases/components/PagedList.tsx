import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { CursorPager, useCursorPages } from '../../../components/CursorPager';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import type { IconName } from '../../../components/Icon';
import { TableSkeleton } from '../../../components/Skeleton';

/**
 * The body of a server-paged list: a skeleton while loading, the error with a retry, an empty state
 * that says what to do (or, when filtered, offers to clear the filters), else the table and pager.
 */
export function PagedList<T>({
  query,
  pages,
  columns,
  filtered,
  icon,
  testId,
  empty,
  noMatch,
  onClear,
  children,
}: {
  query: UseQueryResult<{ items: T[]; nextCursor: string | null }>;
  pages: ReturnType<typeof useCursorPages>;
  columns: number;
  filtered: boolean;
  icon: IconName;
  testId: string;
  empty: { title: ReactNode; body: ReactNode; action?: ReactNode };
  noMatch: { title: ReactNode; body: ReactNode };
  onClear: () => void;
  children: (items: T[]) => ReactNode;
}) {
  const { t } = useTranslation();
  if (query.isPending) return <TableSkeleton columns={columns} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  if (query.data.items.length === 0) {
    return filtered ? (
      <EmptyState
        icon={icon}
        title={noMatch.title}
        testId={`${testId}-empty`}
        action={
          <Button variant="secondary" onClick={onClear}>
            {t('common.clearFilters')}
          </Button>
        }
      >
        {noMatch.body}
      </EmptyState>
    ) : (
      <EmptyState icon={icon} title={empty.title} testId={`${testId}-empty`} action={empty.action}>
        {empty.body}
      </EmptyState>
    );
  }
  return (
    <>
      <div className={`table-wrap${query.isPlaceholderData ? ' is-stale' : ''}`}>{children(query.data.items)}</div>
      <CursorPager pageIndex={pages.pageIndex} nextCursor={query.data.nextCursor} onNext={pages.next} onPrevious={pages.previous} busy={query.isFetching} />
    </>
  );
}
