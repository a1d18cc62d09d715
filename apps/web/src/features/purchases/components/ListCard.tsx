import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/Card';
import { ListToolbar } from '../../../components/ListToolbar';

/** A list page of the purchases section: title, CSV export and the "new" action, a search box and filters, then the list. */
export function ListCard({
  title,
  description,
  testId,
  exportHref,
  newAction,
  search,
  filters,
  children,
}: {
  title: string;
  description: string;
  testId: string;
  exportHref: string;
  newAction?: ReactNode;
  search: { value: string; onChange: (value: string) => void; placeholder: string };
  filters?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Card
      title={title}
      description={description}
      testId={`${testId}-section`}
      actions={
        <>
          <a className="btn btn-ghost btn-sm" href={exportHref} download data-testid={`export-${testId}`}>
            {t('common.exportCsv')}
          </a>
          {newAction}
        </>
      }
    >
      <ListToolbar>
        <input
          className="input input-sm toolbar-search"
          type="search"
          placeholder={search.placeholder}
          aria-label={t('common.search')}
          value={search.value}
          onChange={(e) => search.onChange(e.target.value)}
          data-testid={`${testId}-search`}
        />
        {filters}
      </ListToolbar>
      {children}
    </Card>
  );
}
