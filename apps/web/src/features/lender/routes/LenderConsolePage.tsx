import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Card, PageHeader } from '../../../components/Card';
import { CursorPager, useCursorPages } from '../../../components/CursorPager';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { LanguageSwitch } from '../../../components/LanguageSwitch';
import { Logo } from '../../../components/Logo';
import { TableSkeleton } from '../../../components/Skeleton';
import { useFormatters } from '../../../lib/format';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useLenderBusinesses, type LenderBusiness } from '../api/get-lender-businesses';

export type LenderOrganisationSummary = { id: string; name: string };

/**
 * The lender console for people who belong to lender organisations: the businesses that share
 * with the organisation now. Each load asks the API again (and is written to each business's
 * access log), so a consent that was revoked or has expired is gone on the next load.
 */
export function LenderConsolePage({
  organisations,
  onSignOut,
  signingOut,
}: {
  organisations: readonly LenderOrganisationSummary[];
  onSignOut: () => void;
  signingOut: boolean;
}) {
  const { t } = useTranslation();
  useDocumentTitle(t('lenderConsole.title'));
  const [organisationId, setOrganisationId] = useState(organisations[0]?.id ?? '');
  const organisation = organisations.find((o) => o.id === organisationId);

  return (
    <div className="lender-shell" data-testid="lender-console">
      <header className="lender-topbar">
        <Link to="/" className="auth-brand" aria-label={t('app.name')}>
          <Logo />
        </Link>
        <span className="lender-topbar-title">{t('lender.title')}</span>
        <div className="lender-topbar-end">
          <LanguageSwitch />
          <button type="button" className="btn btn-secondary btn-sm" onClick={onSignOut} disabled={signingOut} data-testid="sign-out">
            {t('shell.signOut')}
          </button>
        </div>
      </header>
      <main className="page lender-main">
        <PageHeader
          title={t('lenderConsole.title')}
          description={t('lenderConsole.description', { organisation: organisation?.name ?? '' })}
          actions={
            organisations.length > 1 && (
              <select
                className="input select input-sm"
                aria-label={t('lenderConsole.organisation')}
                value={organisationId}
                onChange={(e) => setOrganisationId(e.target.value)}
                data-testid="lender-organisation"
              >
                {organisations.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            )
          }
        />
        {organisation && <SharingBusinesses organisation={organisation} />}
      </main>
    </div>
  );
}

function SharingBusinesses({ organisation }: { organisation: LenderOrganisationSummary }) {
  const { t } = useTranslation();
  const pages = useCursorPages(organisation.id);
  const businesses = useLenderBusinesses(organisation.id, pages.cursor);

  let body;
  if (businesses.isPending) body = <TableSkeleton columns={5} />;
  else if (businesses.isError) body = <ErrorState error={businesses.error} onRetry={() => void businesses.refetch()} retrying={businesses.isFetching} />;
  else if (businesses.data.items.length === 0) {
    body = (
      <EmptyState icon="business" title={t('lenderConsole.emptyTitle')} testId="lender-businesses-empty">
        {t('lenderConsole.emptyBody', { organisation: organisation.name })}
      </EmptyState>
    );
  } else {
    body = (
      <>
        <div className={`table-wrap${businesses.isPlaceholderData ? ' is-stale' : ''}`}>
          <table className="table" data-testid="lender-businesses">
            <thead>
              <tr>
                <th scope="col">{t('lenderConsole.columns.business')}</th>
                <th scope="col">{t('lenderConsole.columns.what')}</th>
                <th scope="col">{t('lenderConsole.columns.why')}</th>
                <th scope="col">{t('lenderConsole.columns.lookback')}</th>
                <th scope="col">{t('lenderConsole.columns.until')}</th>
              </tr>
            </thead>
            <tbody>
              {businesses.data.items.map((item) => (
                <BusinessRow key={item.grant.id} item={item} />
              ))}
            </tbody>
          </table>
        </div>
        <CursorPager pageIndex={pages.pageIndex} nextCursor={businesses.data.nextCursor} onNext={pages.next} onPrevious={pages.previous} busy={businesses.isFetching} />
      </>
    );
  }
  return (
    <Card title={organisation.name} testId="lender-businesses-card">
      {body}
    </Card>
  );
}

function BusinessRow({ item }: { item: LenderBusiness }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { business, grant } = item;
  return (
    <tr data-testid="lender-business-row" data-business-id={business.id}>
      <td>
        <div className="person">
          <span className="person-name">{business.name}</span>
          <span className="person-email">{t('lenderConsole.since', { date: format.date(grant.grantedAt) })}</span>
        </div>
      </td>
      <td data-label={t('lenderConsole.columns.what')}>
        <ul className="lender-scopes">
          {grant.scopes.map((s) => (
            <li key={s}>{t(`lenderConsole.scope.${s}`)}</li>
          ))}
        </ul>
      </td>
      <td data-label={t('lenderConsole.columns.why')}>{grant.purpose === 'other' ? grant.purposeNote : t(`lenderConsole.purpose.${grant.purpose}`)}</td>
      <td data-label={t('lenderConsole.columns.lookback')}>{t('consent.card.lookbackValue', { count: grant.lookbackMonths })}</td>
      <td data-label={t('lenderConsole.columns.until')}>{format.date(`${grant.expiresOn}T00:00:00`)}</td>
    </tr>
  );
}
