import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { CursorPager, useCursorPages } from '../../../components/CursorPager';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { FormError } from '../../../components/FormError';
import { RoleBadge, useRoleLabel } from '../../../components/RoleBadge';
import { TableSkeleton } from '../../../components/Skeleton';
import { Spinner } from '../../../components/Spinner';
import { useFormatters } from '../../../lib/format';
import { allows, type Permissions } from '../../../lib/permissions';
import { assignableRoles, canManageMember, type Role } from '../../../lib/roles';
import { useMembers, type Member } from '../api/get-members';
import { useRemoveMember } from '../api/remove-member';
import { useUpdateMemberRole, type MemberRole } from '../api/update-member-role';

export function MembersSection({
  businessId,
  myRole,
  myUserId,
  permissions,
}: {
  businessId: string;
  myRole: Role;
  myUserId: string;
  permissions: Permissions;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const roleLabel = useRoleLabel();
  const pages = useCursorPages();
  const members = useMembers(businessId, pages.cursor);
  const updateRole = useUpdateMemberRole(businessId);
  const removeMember = useRemoveMember(businessId);
  const [removing, setRemoving] = useState<Member | null>(null);

  // The permission says whether members can be managed at all; which roles, depends on one's own
  // (only owners touch owners), as the API's canManageRole decides.
  const mayManage = allows(permissions, 'members.manage');
  const manageable = (member: Member) => mayManage && member.userId !== myUserId && canManageMember(myRole, member.role);
  const anyManageable = mayManage && assignableRoles(myRole).length > 0;

  let body;
  if (members.isPending) {
    body = <TableSkeleton columns={anyManageable ? 4 : 3} />;
  } else if (members.isError) {
    body = <ErrorState error={members.error} onRetry={() => void members.refetch()} retrying={members.isFetching} />;
  } else if (members.data.items.length === 0) {
    body = (
      <EmptyState icon="users" title={t('settings.members.emptyTitle')}>
        {t('settings.members.emptyBody')}
      </EmptyState>
    );
  } else {
    body = (
      <>
        <div className={`table-wrap${members.isPlaceholderData ? ' is-stale' : ''}`}>
          <table className="table" data-testid="members-table">
            <thead>
              <tr>
                <th scope="col">{t('settings.members.columns.member')}</th>
                <th scope="col">{t('settings.members.columns.role')}</th>
                <th scope="col">{t('settings.members.columns.joined')}</th>
                {anyManageable && (
                  <th scope="col" className="align-end">
                    <span className="sr-only">{t('settings.members.columns.actions')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {members.data.items.map((member) => {
                const canManage = manageable(member);
                const rowPending = updateRole.isPending && updateRole.variables?.membershipId === member.id;
                return (
                  <tr key={member.id} data-testid={`member-row-${member.id}`}>
                    <td data-label={t('settings.members.columns.member')}>
                      <div className="person">
                        <span className="person-name">
                          {member.name}
                          {member.userId === myUserId && <span className="badge badge-muted">{t('settings.members.you')}</span>}
                        </span>
                        <span className="person-email">{member.email}</span>
                      </div>
                    </td>
                    <td data-label={t('settings.members.columns.role')}>
                      {canManage ? (
                        <span className="inline-control">
                          <select
                            className="input select input-sm"
                            aria-label={t('settings.members.changeRole', { name: member.name })}
                            data-testid={`member-role-${member.id}`}
                            value={member.role}
                            disabled={rowPending}
                            onChange={(e) =>
                              updateRole.mutate({ membershipId: member.id, role: e.target.value as MemberRole })
                            }
                          >
                            {assignableRoles(myRole).map((role) => (
                              <option key={role} value={role}>
                                {roleLabel(role)}
                              </option>
                            ))}
                          </select>
                          {rowPending && <Spinner size="sm" />}
                        </span>
                      ) : (
                        <RoleBadge role={member.role} />
                      )}
                    </td>
                    <td data-label={t('settings.members.columns.joined')}>{format.date(member.createdAt)}</td>
                    {anyManageable && (
                      <td className="align-end">
                        {canManage && (
                          <Button
                            variant="ghost"
                            size="sm"
                            className="text-danger"
                            onClick={() => {
                              removeMember.reset();
                              setRemoving(member);
                            }}
                            data-testid={`remove-member-${member.id}`}
                          >
                            {t('settings.members.remove')}
                          </Button>
                        )}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <CursorPager
          pageIndex={pages.pageIndex}
          nextCursor={members.data.nextCursor}
          onNext={pages.next}
          onPrevious={pages.previous}
          busy={members.isFetching}
        />
      </>
    );
  }

  return (
    <Card
      title={t('settings.members.title')}
      description={anyManageable ? t('settings.members.description') : t('settings.members.readOnly')}
      testId="members-section"
    >
      {updateRole.isError && <FormError error={updateRole.error} />}
      {body}
      <ConfirmDialog
        open={removing !== null}
        title={t('settings.members.removeTitle', { name: removing?.name ?? '' })}
        confirmLabel={t('settings.members.removeConfirm')}
        pending={removeMember.isPending}
        error={removeMember.error}
        onCancel={() => setRemoving(null)}
        onConfirm={() =>
          removing &&
          removeMember.mutate(removing.id, {
            onSuccess: () => {
              setRemoving(null);
              // Removing the only row of a later page would leave an empty page behind.
              if (members.data?.items.length === 1) pages.previous();
            },
          })
        }
      >
        {t('settings.members.removeBody', { name: removing?.name ?? '', email: removing?.email ?? '' })}
      </ConfirmDialog>
    </Card>
  );
}
