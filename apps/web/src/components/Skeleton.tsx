import { useTranslation } from 'react-i18next';

export function Skeleton({ width, height = 14 }: { width?: string | number; height?: number }) {
  return <span className="skeleton" style={{ width, height }} aria-hidden="true" />;
}

/** Placeholder rows shaped like the table that is loading. */
export function TableSkeleton({ rows = 5, columns = 4 }: { rows?: number; columns?: number }) {
  const { t } = useTranslation();
  return (
    <div className="table-skeleton" role="status" aria-label={t('common.loading')} data-testid="loading">
      {Array.from({ length: rows }, (_, row) => (
        <div className="table-skeleton-row" key={row}>
          {Array.from({ length: columns }, (_, column) => (
            <Skeleton key={column} width={`${column === 0 ? 40 : 70 - column * 10}%`} />
          ))}
        </div>
      ))}
    </div>
  );
}
