import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { CursorPager, useCursorPages } from '../../../components/CursorPager';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { RoleBadge } from '../../../components/RoleBadge';
import { TableSkeleton } from '../../../components/Skeleton';
import { useFormatters } from '../../../lib/format';
import type { Role } from '../../../lib/roles';
import { useInvitations, type Invitation } from '../api/get-invitations';
import { useRevokeInvitation } from '../api/revoke-invitation';
import { InviteForm } from './InviteForm';

const STATUSES = ['pending', 'accepted', 'revoked', 'expired'] as const;

function StatusBadge({ status }: { status: Invitation['status'] }) {
  const { t } = useTranslation();
  const known = (STATUSES as readonly string[]).includes(status);
  return (
    <span className={`badge badge-status-${status}`}>
      {known ? t(`settings.invitations.status.${status as (typeof STATUSES)[number]}`) : status}
    </span>
  );
}

export function InvitationsSection({ businessId, myRole }: { businessId: string; myRole: Role }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const pages = useCursorPages();
  const invitations = useInvitations(businessId, pages.cursor);
  const revoke = useRevokeInvitation(businessId);
  const [revoking, setRevoking] = useState<Invitation | null>(null);

  let list;
  if (invitations.isPending) {
    list = <TableSkeleton columns={4} />;
  } else if (invitations.isError) {
    list = <ErrorState error={invitations.error} onRetry={() => void invitations.refetch()} retrying={invitations.isFetching} />;
  } else if (invitations.data.items.length === 0) {
    list = (
      <EmptyState icon="mail" title={t('settings.invitations.emptyTitle')} testId="invitations-empty">
        {t('settings.invitations.emptyBody')}
      </EmptyState>
    );
  } else {
    list = (
      <>
        <div className={`table-wrap${invitations.isPlaceholderData ? ' is-stale' : ''}`}>
          <table className="table" data-testid="invitations-table">
            <thead>
              <tr>
                <th scope="col">{t('settings.invitations.columns.email')}</th>
                <th scope="col">{t('settings.invitations.columns.role')}</th>
                <th scope="col">{t('settings.invitations.columns.status')}</th>
                <th scope="col">{t('settings.invitations.columns.sent')}</th>
                <th scope="col" className="align-end">
                  <span className="sr-only">{t('settings.members.columns.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {invitations.data.items.map((invitation) => (
                <tr key={invitation.id} data-testid={`invitation-row-${invitation.id}`}>
                  <td data-label={t('settings.invitations.columns.email')}>
                    <div className="person">
                      <span className="person-name">{invitation.email}</span>
                      <span className="person-email">
                        {t('settings.invitations.invitedBy', { name: invitation.invitedBy.name })}
                      </span>
                    </div>
                  </td>
                  <td data-label={t('settings.invitations.columns.role')}>
                    <RoleBadge role={invitation.role} />
                  </td>
                  <td data-label={t('settings.invitations.columns.status')}>
                    <StatusBadge status={invitation.status} />
                    {invitation.status === 'pending' && (
                      <span className="muted small block">
                        {t('settings.invitations.expires', { date: format.date(invitation.expiresAt) })}
                      </span>
                    )}
                  </td>
                  <td data-label={t('settings.invitations.columns.sent')}>{format.date(invitation.createdAt)}</td>
                  <td className="align-end">
                    {invitation.status === 'pending' && (
                      <Button
                        variant="ghost"
                        size="sm"
                        className="text-danger"
                        onClick={() => {
                          revoke.reset();
                          setRevoking(invitation);
                        }}
                        data-testid={`revoke-invitation-${invitation.id}`}
                      >
                        {t('settings.invitations.revoke')}
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <CursorPager
          pageIndex={pages.pageIndex}
          nextCursor={invitations.data.nextCursor}
          onNext={pages.next}
          onPrevious={pages.previous}
          busy={invitations.isFetching}
        />
      </>
    );
  }

  return (
    <>
      <Card title={t('settings.invitations.inviteTitle')} description={t('settings.invitations.inviteDescription')} testId="invite-card">
        <InviteForm businessId={businessId} myRole={myRole} />
      </Card>
      <Card title={t('settings.invitations.listTitle')} testId="invitations-section">
        {list}
      </Card>
      <ConfirmDialog
        open={revoking !== null}
        title={t('settings.invitations.revokeTitle')}
        confirmLabel={t('settings.invitations.revokeConfirm')}
        pending={revoke.isPending}
        error={revoke.error}
        onCancel={() => setRevoking(null)}
        onConfirm={() => revoking && revoke.mutate(revoking.id, { onSuccess: () => setRevoking(null) })}
      >
        {t('settings.invitations.revokeBody', { email: revoking?.email ?? '' })}
      </ConfirmDialog>
    </>
  );
}
