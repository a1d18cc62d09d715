import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ErrorState';
import { Skeleton } from '../../../components/Skeleton';
import { useFormatters } from '../../../lib/format';
import { useConsentGrant } from '../api/get-consent-grant';
import { useCalendarDate, useConsentWording } from './consent-wording';

/** Every version of a grant, oldest first: what changed, who changed it, and the terms after it. */
export function GrantHistory({ businessId, grantId }: { businessId: string; grantId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const wording = useConsentWording();
  const day = useCalendarDate();
  const grant = useConsentGrant(businessId, grantId);
  if (grant.isPending) return <Skeleton height={64} />;
  if (grant.isError) return <ErrorState error={grant.error} onRetry={() => void grant.refetch()} retrying={grant.isFetching} />;
  return (
    <ol className="consent-history" data-testid="grant-history">
      {grant.data.history.map((e) => (
        <li key={e.id} className="consent-history-item" data-kind={e.kind}>
          <span className="consent-history-kind">{t(`consent.historyKind.${e.kind}`)}</span>
          <span className="consent-muted">
            {format.dateTime(e.createdAt)} · {e.actor ? t('consent.historyBy', { name: e.actor.name }) : t('consent.historyByKeeper')}
          </span>
          <span className="consent-history-terms">
            {wording.what(e.scopes)} · {t('consent.card.lookbackValue', { count: e.lookbackMonths })} · {day(e.expiresOn)}
          </span>
        </li>
      ))}
    </ol>
  );
}
