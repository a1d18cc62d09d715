import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/Card';
import { CursorPager, useCursorPages } from '../../../components/CursorPager';
import { ErrorState } from '../../../components/ErrorState';
import { TableSkeleton } from '../../../components/Skeleton';
import { useFormatters } from '../../../lib/format';
import { useConsentGrants } from '../api/get-consent-grants';
import { useConsentWording } from './consent-wording';

/** Consents that were stopped, replaced or expired: what was shared with whom, and when it ended. */
export function PastGrantsCard({ businessId, canManage }: { businessId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const wording = useConsentWording();
  const pages = useCursorPages();
  const grants = useConsentGrants(businessId, 'ended', pages.cursor);

  let body;
  if (grants.isPending) body = <TableSkeleton rows={2} columns={4} />;
  else if (grants.isError) body = <ErrorState error={grants.error} onRetry={() => void grants.refetch()} retrying={grants.isFetching} />;
  else if (grants.data.items.length === 0) body = <p className="muted" data-testid="past-grants-empty">{t('consent.past.empty')}</p>;
  else {
    body = (
      <>
        <div className={`table-wrap${grants.isPlaceholderData ? ' is-stale' : ''}`}>
          <table className="table" data-testid="past-grants-table">
            <thead>
              <tr>
                <th scope="col">{t('consent.past.columns.recipient')}</th>
                <th scope="col">{t('consent.past.columns.what')}</th>
                <th scope="col">{t('consent.past.columns.status')}</th>
                <th scope="col">{t('consent.past.columns.ended')}</th>
                {canManage && <th scope="col" aria-label={t('consent.past.shareAgain')} />}
              </tr>
            </thead>
            <tbody>
              {grants.data.items.map((g) => (
                <tr key={g.id} data-testid="past-grant-row" data-status={g.status} data-recipient={wording.recipientName(g.recipient)}>
                  <td>
                    <span className="person-name">{wording.recipientName(g.recipient)}</span>
                  </td>
                  <td data-label={t('consent.past.columns.what')}>{wording.what(g.scopes)}</td>
                  <td data-label={t('consent.past.columns.status')}>
                    <span className="badge">{t(`consent.status.${g.status}`)}</span>
                  </td>
                  <td data-label={t('consent.past.columns.ended')}>{g.endedAt ? format.date(g.endedAt) : '—'}</td>
                  {canManage && (
                    <td className="align-end">
                      <Link
                        className="btn btn-ghost btn-sm"
                        to="/b/$businessId/financing/sharing/new"
                        params={{ businessId }}
                        search={{ from: g.id }}
                        data-testid="past-grant-share-again"
                      >
                        {t('consent.past.shareAgain')}
                      </Link>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <CursorPager pageIndex={pages.pageIndex} nextCursor={grants.data.nextCursor} onNext={pages.next} onPrevious={pages.previous} busy={grants.isFetching} />
      </>
    );
  }
  return (
    <Card title={t('consent.past.title')} description={t('consent.past.description')} testId="past-grants">
      {body}
    </Card>
  );
}
