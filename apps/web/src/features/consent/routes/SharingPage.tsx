import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/Card';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { Icon } from '../../../components/Icon';
import { Skeleton } from '../../../components/Skeleton';
import { allows, type Permissions } from '../../../lib/permissions';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useConsentGrants, type ConsentScope } from '../api/get-consent-grants';
import { AccessLogCard } from '../components/AccessLogCard';
import { useConsentWording } from '../components/consent-wording';
import { GrantCard } from '../components/GrantCard';
import { PastGrantsCard } from '../components/PastGrantsCard';

/**
 * The consent centre: what the business shares now (each consent in plain words, with renew,
 * share less or more, and stop), past consents, and the log of every access from outside.
 */
export function SharingPage({
  businessId,
  permissions,
  granted,
  logScope,
}: {
  businessId: string;
  permissions: Permissions;
  granted?: string;
  /** Opens the access log filtered to this scope. */
  logScope?: ConsentScope;
}) {
  const { t } = useTranslation();
  useDocumentTitle(t('consent.title'));
  if (!allows(permissions, 'consent.read')) {
    return (
      <EmptyState icon="shield" title={t('consent.noAccessTitle')} testId="consent-no-access">
        {t('consent.noAccessBody')}
      </EmptyState>
    );
  }
  return <ConsentCentre businessId={businessId} canManage={allows(permissions, 'consent.manage')} granted={granted} logScope={logScope} />;
}

function ConsentCentre({ businessId, canManage, granted, logScope }: { businessId: string; canManage: boolean; granted?: string; logScope?: ConsentScope }) {
  const { t } = useTranslation();
  const wording = useConsentWording();
  const active = useConsentGrants(businessId, 'active');
  // The first page of past consents (shared with the list below) also names them in the log's filter.
  const ended = useConsentGrants(businessId, 'ended');
  const [message, setMessage] = useState<string | null>(null);

  const justGranted = granted ? active.data?.items.find((g) => g.id === granted) : undefined;
  const notice = message ?? (justGranted ? t('consent.wizard.done', { recipient: wording.recipientName(justGranted.recipient) }) : null);
  const newGrant = (className: string) => (
    <Link className={className} to="/b/$businessId/financing/sharing/new" params={{ businessId }} data-testid="share-new">
      <Icon name="plus" size={16} />
      <span>{t('consent.shareNew')}</span>
    </Link>
  );

  let body;
  if (active.isPending) {
    body = (
      <div className="consent-grid" data-testid="loading">
        <Skeleton height={180} />
      </div>
    );
  } else if (active.isError) {
    body = <ErrorState error={active.error} onRetry={() => void active.refetch()} retrying={active.isFetching} />;
  } else if (active.data.items.length === 0) {
    body = (
      <EmptyState icon="shield" title={t('consent.active.emptyTitle')} testId="grants-empty" action={canManage && newGrant('btn btn-primary btn-md')}>
        {canManage ? t('consent.active.emptyBody') : t('consent.active.emptyBodyReadOnly')}
      </EmptyState>
    );
  } else {
    body = (
      <div className="consent-grid" data-testid="active-grants">
        {active.data.items.map((g) => (
          <GrantCard key={g.id} businessId={businessId} grant={g} canManage={canManage} onChanged={setMessage} />
        ))}
      </div>
    );
  }

  return (
    <div className="settings-body" data-testid="page-sharing">
      {notice && (
        <p className="alert alert-success" role="status" data-testid="consent-notice">
          <Icon name="check" />
          <span>{notice}</span>
        </p>
      )}
      {!canManage && (
        <p className="alert alert-info">
          <Icon name="shield" />
          <span>{t('consent.readOnly')}</span>
        </p>
      )}
      <Card
        title={t('consent.active.title')}
        description={t('consent.description')}
        testId="grants"
        actions={canManage && (active.data?.items.length ?? 0) > 0 && newGrant('btn btn-primary btn-sm')}
      >
        {body}
      </Card>
      <PastGrantsCard businessId={businessId} canManage={canManage} />
      <AccessLogCard businessId={businessId} grants={[...(active.data?.items ?? []), ...(ended.data?.items ?? [])]} initialScope={logScope} />
    </div>
  );
}
