import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { FormError } from '../../../components/FormError';
import { Skeleton } from '../../../components/Skeleton';
import { allows, type Permissions } from '../../../lib/permissions';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useCreditHistory } from '../api/get-credit-history';
import { useCreditProfile, type CreditProfile } from '../api/get-credit-profile';
import { useRefreshCreditProfile } from '../api/refresh-credit-profile';
import { AllFactorsCard, HelpingCard, HurtingCard } from '../components/FactorsCards';
import { FiguresCard } from '../components/FiguresCard';
import { ScoreCard } from '../components/ScoreCard';
import { ScoreHistoryChart } from '../components/ScoreHistoryChart';
import { SharingCard } from '../components/SharingCard';
import { SignalsCard } from '../components/SignalsCard';
import { SnapshotsCard } from '../components/SnapshotsCard';

const RANGES = [90, 365, 730] as const;

function HistoryCard({ businessId, profile }: { businessId: string; profile: CreditProfile }) {
  const { t } = useTranslation();
  const [days, setDays] = useState<(typeof RANGES)[number]>(365);
  const history = useCreditHistory(businessId, days, profile.id);
  let body;
  if (history.isPending) body = <Skeleton height={200} />;
  else if (history.isError) body = <ErrorState error={history.error} onRetry={() => void history.refetch()} retrying={history.isFetching} />;
  else if (history.data.points.length === 0) body = <p className="credit-muted">{t('credit.history.empty')}</p>;
  else body = <ScoreHistoryChart history={history.data} />;
  return (
    <Card
      title={t('credit.history.title')}
      description={t('credit.history.description')}
      testId="credit-history"
      actions={
        <select
          className="input select input-sm"
          aria-label={t('credit.history.range')}
          value={days}
          onChange={(e) => setDays(Number(e.target.value) as (typeof RANGES)[number])}
          data-testid="credit-history-range"
        >
          {RANGES.map((d) => (
            <option key={d} value={d}>
              {t(`credit.history.days.${d}`)}
            </option>
          ))}
        </select>
      }
    >
      {body}
    </Card>
  );
}

/**
 * Financing → Credit profile: the score and grade with their history, what lowers and what helps
 * the score (each with what to do), the business's figures, the signals that are not part of the
 * score, how fresh the data is, and who can see it.
 */
export function CreditProfilePage({ businessId, permissions }: { businessId: string; permissions: Permissions }) {
  const { t } = useTranslation();
  useDocumentTitle(t('credit.title'));
  if (!allows(permissions, 'credit.read')) {
    return (
      <EmptyState icon="financing" title={t('credit.noAccessTitle')} testId="credit-no-access">
        {t('credit.noAccessBody')}
      </EmptyState>
    );
  }
  return <CreditProfileView businessId={businessId} canRefresh={allows(permissions, 'credit.refresh')} />;
}

function CreditProfileView({ businessId, canRefresh }: { businessId: string; canRefresh: boolean }) {
  const { t } = useTranslation();
  const view = useCreditProfile(businessId);
  const refresh = useRefreshCreditProfile(businessId);

  if (view.isPending) {
    return (
      <div className="credit-page" data-testid="loading">
        <Skeleton height={220} />
        <Skeleton height={180} />
      </div>
    );
  }
  if (view.isError) return <ErrorState error={view.error} onRetry={() => void view.refetch()} retrying={view.isFetching} />;

  const { profile, status, sharedWith, referenceCompanies } = view.data;
  if (!profile) {
    return (
      <div className="credit-page" data-testid="page-credit">
        <Card>
          <EmptyState
            icon="financing"
            title={status.pending ? t('credit.emptyPending') : t('credit.emptyTitle')}
            testId="credit-empty"
            action={
              canRefresh &&
              !status.pending && (
                <Button onClick={() => refresh.mutate()} pending={refresh.isPending} data-testid="credit-compute-now">
                  {t('credit.computeNow')}
                </Button>
              )
            }
          >
            {t('credit.emptyBody')}
          </EmptyState>
          <FormError error={refresh.error} />
        </Card>
        <SharingCard businessId={businessId} sharedWith={sharedWith} />
      </div>
    );
  }

  return (
    <div className="credit-page" data-testid="page-credit">
      <ScoreCard
        profile={profile}
        status={status}
        referenceCompanies={referenceCompanies}
        canRefresh={canRefresh}
        onRefresh={() => refresh.mutate()}
        refreshing={refresh.isPending}
      />
      <FormError error={refresh.error} />
      <HistoryCard businessId={businessId} profile={profile} />
      <div className="credit-columns">
        <HurtingCard profile={profile} />
        <HelpingCard profile={profile} />
      </div>
      <AllFactorsCard profile={profile} />
      <div className="credit-columns">
        <SignalsCard signals={profile.signals} />
        <div className="credit-stack">
          <FiguresCard features={profile.features} asOf={profile.asOf} />
          <SharingCard businessId={businessId} sharedWith={sharedWith} />
        </div>
      </div>
      <SnapshotsCard businessId={businessId} version={profile.id} />
    </div>
  );
}
