import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api';
import { ErrorState } from './ErrorState';
import { LanguageSwitch } from './LanguageSwitch';
import { Logo } from './Logo';
import { PageSpinner } from './Spinner';

/**
 * The frame of a document a customer opens from a link (invoice, quote): no sign-in and no app
 * chrome, a language switch, and a plain message when the link leads nowhere.
 */
export function PublicDocumentPage<T>({
  testId,
  query,
  notFound,
  children,
}: {
  testId: string;
  query: UseQueryResult<T>;
  notFound: { testId: string; title: string; body: string };
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  let body;
  if (query.isPending) {
    body = <PageSpinner />;
  } else if (query.isError) {
    body =
      query.error instanceof ApiError && query.error.status === 404 ? (
        <div className="public-invoice public-invoice-missing" data-testid={notFound.testId}>
          <h1 className="page-title">{notFound.title}</h1>
          <p className="muted">{notFound.body}</p>
        </div>
      ) : (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
      );
  } else {
    body = children(query.data);
  }
  return (
    <div className="public-page" data-testid={testId}>
      <div className="public-topbar">
        <LanguageSwitch />
      </div>
      {body}
      <footer className="public-footer">
        <Logo compact /> <span className="muted small">{t('publicInvoice.poweredBy')}</span>
      </footer>
    </div>
  );
}
