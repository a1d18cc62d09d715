import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { CursorPager, useCursorPages } from '../../../components/CursorPager';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { ListToolbar } from '../../../components/ListToolbar';
import { TableSkeleton } from '../../../components/Skeleton';
import { useFormatters } from '../../../lib/format';
import { accessLogExportUrl } from '../api/export-access-log';
import { useAccessLog, type AccessLogEntry, type AccessLogFilters } from '../api/get-access-log';
import { CONSENT_SCOPES, type ConsentGrant, type ConsentScope } from '../api/get-consent-grants';
import { useConsentWording } from './consent-wording';

const NO_FILTERS: AccessLogFilters = { grantId: '', scope: '', outcome: '' };

function Who({ entry }: { entry: AccessLogEntry }) {
  const { t } = useTranslation();
  const wording = useConsentWording();
  const { accessor } = entry;
  const by = accessor.user?.name ?? (accessor.kind === 'lender_api_key' ? t('consent.log.apiKey') : t('consent.log.byKeeper'));
  return (
    <div className="person">
      <span className="person-name">{wording.recipientName(entry.recipient)}</span>
      <span className="person-email">{by}</span>
    </div>
  );
}

/**
 * Every access from outside the business: who, what, when, under which consent, allowed or
 * refused. Filtered and paged on the server; the same filters export to CSV.
 */
export function AccessLogCard({ businessId, grants, initialScope }: { businessId: string; grants: readonly ConsentGrant[]; initialScope?: ConsentScope }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const wording = useConsentWording();
  const [filters, setFilters] = useState<AccessLogFilters>({ ...NO_FILTERS, scope: initialScope ?? '' });
  const pages = useCursorPages(JSON.stringify(filters));
  const log = useAccessLog(businessId, filters, pages.cursor);
  const filtered = filters.grantId !== '' || filters.scope !== '' || filters.outcome !== '';

  let body;
  if (log.isPending) {
    body = <TableSkeleton columns={5} />;
  } else if (log.isError) {
    body = <ErrorState error={log.error} onRetry={() => void log.refetch()} retrying={log.isFetching} />;
  } else if (log.data.items.length === 0) {
    body = filtered ? (
      <EmptyState
        icon="shield"
        title={t('consent.log.noMatchTitle')}
        testId="access-log-empty"
        action={
          <Button variant="secondary" onClick={() => setFilters(NO_FILTERS)}>
            {t('common.clearFilters')}
          </Button>
        }
      >
        {t('consent.log.noMatchBody')}
      </EmptyState>
    ) : (
      <EmptyState icon="shield" title={t('consent.log.emptyTitle')} testId="access-log-empty">
        {t('consent.log.emptyBody')}
      </EmptyState>
    );
  } else {
    body = (
      <>
        <div className={`table-wrap${log.isPlaceholderData ? ' is-stale' : ''}`}>
          <table className="table" data-testid="access-log-table">
            <thead>
              <tr>
                <th scope="col">{t('consent.log.columns.when')}</th>
                <th scope="col">{t('consent.log.columns.who')}</th>
                <th scope="col">{t('consent.log.columns.what')}</th>
                <th scope="col">{t('consent.log.columns.grant')}</th>
                <th scope="col">{t('consent.log.columns.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {log.data.items.map((entry) => (
                <tr key={entry.id} data-testid="access-log-row" data-outcome={entry.outcome}>
                  <td className="consent-when">
                    <time dateTime={entry.at}>{format.dateTime(entry.at)}</time>
                  </td>
                  <td data-label={t('consent.log.columns.who')}>
                    <Who entry={entry} />
                  </td>
                  <td data-label={t('consent.log.columns.what')}>
                    <div className="person">
                      <span>{entry.scope ? t(`consent.scope.${entry.scope}.title`) : t('consent.log.consentItself')}</span>
                      <span className="person-email mono">{entry.resource}</span>
                    </div>
                  </td>
                  <td data-label={t('consent.log.columns.grant')}>
                    {entry.grant ? t('consent.log.grantedOn', { date: format.date(entry.grant.grantedAt) }) : t('consent.log.noGrant')}
                  </td>
                  <td data-label={t('consent.log.columns.outcome')}>
                    {entry.outcome === 'allowed' ? (
                      <span className="badge badge-status-accepted">{t('consent.log.outcome.allowed')}</span>
                    ) : (
                      <span className="consent-refusal">
                        <span className="badge badge-status-pending">{t('consent.log.outcome.refused')}</span>
                        {entry.refusalReason && <span className="consent-muted">{t(`consent.log.refusal.${entry.refusalReason}`)}</span>}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <CursorPager pageIndex={pages.pageIndex} nextCursor={log.data.nextCursor} onNext={pages.next} onPrevious={pages.previous} busy={log.isFetching} />
      </>
    );
  }

  return (
    <Card
      id="access-log"
      title={t('consent.log.title')}
      description={t('consent.log.description')}
      testId="access-log"
      actions={
        <a className="btn btn-ghost btn-sm" href={accessLogExportUrl(businessId, filters)} download data-testid="access-log-export">
          {t('common.exportCsv')}
        </a>
      }
    >
      <ListToolbar>
        <select
          className="input select input-sm"
          aria-label={t('consent.log.columns.grant')}
          value={filters.grantId}
          onChange={(e) => setFilters({ ...filters, grantId: e.target.value })}
          data-testid="access-log-grant"
        >
          <option value="">{t('consent.log.allGrants')}</option>
          {grants.map((g) => (
            <option key={g.id} value={g.id}>
              {wording.recipientName(g.recipient)} · {t('consent.log.grantedOn', { date: format.date(g.grantedAt) })}
            </option>
          ))}
        </select>
        <select
          className="input select input-sm"
          aria-label={t('consent.log.columns.what')}
          value={filters.scope}
          onChange={(e) => setFilters({ ...filters, scope: e.target.value as ConsentScope | '' })}
          data-testid="access-log-scope"
        >
          <option value="">{t('consent.log.allScopes')}</option>
          {CONSENT_SCOPES.map((s) => (
            <option key={s} value={s}>
              {t(`consent.scope.${s}.title`)}
            </option>
          ))}
        </select>
        <select
          className="input select input-sm"
          aria-label={t('consent.log.columns.outcome')}
          value={filters.outcome}
          onChange={(e) => setFilters({ ...filters, outcome: e.target.value as AccessLogFilters['outcome'] })}
          data-testid="access-log-outcome"
        >
          <option value="">{t('consent.log.allOutcomes')}</option>
          <option value="allowed">{t('consent.log.outcome.allowed')}</option>
          <option value="refused">{t('consent.log.outcome.refused')}</option>
        </select>
      </ListToolbar>
      {body}
    </Card>
  );
}
