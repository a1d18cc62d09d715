import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/Card';
import { CursorPager, useCursorPages } from '../../../components/CursorPager';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { TableSkeleton } from '../../../components/Skeleton';
import { useFormatters } from '../../../lib/format';
import { useAuditEvents, type AuditEvent } from '../api/get-audit-events';

function useActionLabel() {
  const { t, i18n } = useTranslation();
  return (action: string) => {
    const key = `audit.actions.${action}`;
    // Actions are open-ended on the API side; unknown ones are shown as their code.
    return i18n.exists(key) ? (t as (k: string) => string)(key) : action;
  };
}

function detailsText(details: AuditEvent['details']): string | null {
  if (details == null) return null;
  if (typeof details !== 'object') return String(details);
  const entries = Object.entries(details as Record<string, unknown>);
  if (entries.length === 0) return null;
  return entries
    .map(([key, value]) => `${key}: ${typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value)}`)
    .join(' · ');
}

export function AuditLogSection({ businessId }: { businessId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const actionLabel = useActionLabel();
  const pages = useCursorPages();
  const events = useAuditEvents(businessId, pages.cursor);

  let body;
  if (events.isPending) {
    body = <TableSkeleton rows={8} columns={3} />;
  } else if (events.isError) {
    body = <ErrorState error={events.error} onRetry={() => void events.refetch()} retrying={events.isFetching} />;
  } else if (events.data.items.length === 0) {
    body = (
      <EmptyState icon="shield" title={t('settings.audit.emptyTitle')}>
        {t('settings.audit.emptyBody')}
      </EmptyState>
    );
  } else {
    body = (
      <>
        <ol className={`audit-list${events.isPlaceholderData ? ' is-stale' : ''}`} data-testid="audit-list">
          {events.data.items.map((event) => {
            const details = detailsText(event.details);
            return (
              <li key={event.id} className="audit-item">
                <span className="audit-dot" aria-hidden="true" />
                <div className="audit-main">
                  <p className="audit-action">
                    <strong>{event.actor?.name ?? t('settings.audit.system')}</strong> {actionLabel(event.action)}
                  </p>
                  {details && <p className="audit-details mono">{details}</p>}
                </div>
                <time className="audit-time" dateTime={event.createdAt}>
                  {format.dateTime(event.createdAt)}
                </time>
              </li>
            );
          })}
        </ol>
        <CursorPager
          pageIndex={pages.pageIndex}
          nextCursor={events.data.nextCursor}
          onNext={pages.next}
          onPrevious={pages.previous}
          busy={events.isFetching}
        />
      </>
    );
  }

  return (
    <Card title={t('settings.audit.title')} description={t('settings.audit.description')} testId="audit-section">
      {body}
    </Card>
  );
}
