import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AuthLayout } from '../../../components/AuthLayout';
import { Button } from '../../../components/Button';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { FormError } from '../../../components/FormError';
import { useRoleLabel } from '../../../components/RoleBadge';
import { PageSpinner } from '../../../components/Spinner';
import { isApiError } from '../../../lib/api';
import { useFormatters } from '../../../lib/format';
import { useMe } from '../../../lib/me';
import { preferences } from '../../../lib/storage';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useAcceptInvitation } from '../api/accept-invitation';
import { useInvitationPreview } from '../api/get-invitation';

export function InvitationPage({ token }: { token: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const format = useFormatters();
  const roleLabel = useRoleLabel();
  const me = useMe();
  const preview = useInvitationPreview(token);
  const accept = useAcceptInvitation(token);
  useDocumentTitle(t('invitation.title'));
  const here = `/invitations/${encodeURIComponent(token)}`;

  if (preview.isPending || me.isPending) {
    return (
      <AuthLayout title={t('invitation.title')}>
        <PageSpinner />
      </AuthLayout>
    );
  }

  if (preview.isError) {
    const gone = isApiError(preview.error, 'INVITATION_INVALID') || (isApiError(preview.error) && [404, 410].includes(preview.error.status));
    return (
      <AuthLayout title={t('invitation.title')}>
        {gone ? (
          <EmptyState
            icon="mail"
            title={t('invitation.invalidTitle')}
            testId="invitation-invalid"
            action={
              <Link className="btn btn-secondary btn-md" to="/">
                {t('invitation.goHome')}
              </Link>
            }
          >
            {t('invitation.invalidBody')}
          </EmptyState>
        ) : (
          <ErrorState error={preview.error} onRetry={() => void preview.refetch()} retrying={preview.isFetching} />
        )}
      </AuthLayout>
    );
  }

  const invitation = preview.data;
  const user = me.data?.user;
  const emailMismatch = user && user.email.toLowerCase() !== invitation.email.toLowerCase();

  return (
    <AuthLayout
      title={t('invitation.joinTitle', { business: invitation.businessName })}
      subtitle={t('invitation.invitedBy', { name: invitation.invitedBy.name, role: roleLabel(invitation.role) })}
    >
      <dl className="facts facts-compact" data-testid="invitation-preview">
        <div>
          <dt>{t('invitation.business')}</dt>
          <dd data-testid="invitation-business">{invitation.businessName}</dd>
        </div>
        <div>
          <dt>{t('invitation.role')}</dt>
          <dd>{roleLabel(invitation.role)}</dd>
        </div>
        <div className="facts-span">
          <dt>{t('invitation.for')}</dt>
          <dd>{invitation.email}</dd>
        </div>
        <div>
          <dt>{t('invitation.expires')}</dt>
          <dd>{format.dateTime(invitation.expiresAt)}</dd>
        </div>
      </dl>
      {user ? (
        <div className="stack">
          <p className="muted small">{t('invitation.signedInAs', { email: user.email })}</p>
          {emailMismatch && <p className="alert alert-warning">{t('invitation.emailMismatch', { email: invitation.email })}</p>}
          <FormError error={accept.error} />
          <Button
            block
            pending={accept.isPending}
            pendingLabel={t('invitation.accepting')}
            data-testid="accept-invitation"
            onClick={() =>
              accept.mutate(undefined, {
                onSuccess: ({ businessId }) => {
                  preferences.setLastBusinessId(businessId);
                  void navigate({ to: '/b/$businessId/dashboard', params: { businessId } });
                },
              })
            }
          >
            {t('invitation.accept')}
          </Button>
        </div>
      ) : (
        <div className="stack">
          <p className="muted">{t('invitation.signInToAccept')}</p>
          <Link className="btn btn-primary btn-md btn-block" to="/sign-in" search={{ redirect: here }} data-testid="invitation-sign-in">
            {t('invitation.signIn')}
          </Link>
          <Link className="btn btn-secondary btn-md btn-block" to="/sign-up" search={{ redirect: here }} data-testid="invitation-sign-up">
            {t('invitation.signUp')}
          </Link>
        </div>
      )}
    </AuthLayout>
  );
}
