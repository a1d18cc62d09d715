import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorState } from '../../../components/ErrorState';
import { TableSkeleton } from '../../../components/Skeleton';

/** Loading, error, then the report; a refetch for new parameters keeps the old figures dimmed. */
export function ReportBody<T>({ query, children, columns = 3 }: { query: UseQueryResult<T>; children: (data: T) => ReactNode; columns?: number }) {
  if (query.isPending) return <TableSkeleton columns={columns} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  return <div className={query.isPlaceholderData ? 'is-stale' : undefined}>{children(query.data)}</div>;
}
