import { Link, useRouter, type ErrorComponentProps } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AuthLayout } from '../../components/AuthLayout';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { useDocumentTitle } from '../../lib/use-document-title';

export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('system.notFoundTitle'));
  return (
    <AuthLayout title={t('system.notFoundTitle')}>
      <EmptyState
        icon="alert"
        title={t('system.notFoundBody')}
        testId="not-found"
        action={
          <Link to="/" className="btn btn-primary btn-md">
            {t('system.goHome')}
          </Link>
        }
      />
    </AuthLayout>
  );
}

export function RouteErrorPage({ error, reset }: ErrorComponentProps) {
  const { t } = useTranslation();
  const router = useRouter();
  return (
    <AuthLayout title={t('system.errorTitle')}>
      <ErrorState
        error={error}
        onRetry={() => {
          reset();
          void router.invalidate();
        }}
      />
    </AuthLayout>
  );
}

/** A route failure inside the app shell: keep the navigation, show the error in the page. */
export function InlineRouteError({ error, reset }: ErrorComponentProps) {
  const router = useRouter();
  return (
    <div className="page">
      <ErrorState
        error={error}
        onRetry={() => {
          reset();
          void router.invalidate();
        }}
      />
    </div>
  );
}
