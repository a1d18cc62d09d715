import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { CopyButton } from '../../../components/CopyButton';
import { SelectField, TextField } from '../../../components/Field';
import { FormError } from '../../../components/FormError';
import { Icon } from '../../../components/Icon';
import { useRoleLabel } from '../../../components/RoleBadge';
import { useFormErrors } from '../../../lib/error-message';
import { assignableRoles, type Role } from '../../../lib/roles';
import { useCreateInvitation, type CreateInvitationInput } from '../api/create-invitation';

const FIELDS = ['email', 'role'] as const;

export function InviteForm({ businessId, myRole }: { businessId: string; myRole: Role }) {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  const roles = assignableRoles(myRole);
  const createInvitation = useCreateInvitation(businessId);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>(roles.includes('staff') ? 'staff' : (roles[0] ?? 'staff'));
  const errors = useFormErrors(createInvitation.error, FIELDS);
  const created = createInvitation.data;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    createInvitation.mutate({ email: email.trim(), role: role as CreateInvitationInput['role'] }, {
      onSuccess: () => setEmail(''),
    });
  };

  return (
    <div className="invite">
      <form className="form invite-form" onSubmit={submit} noValidate data-testid="invite-form">
        <TextField
          label={t('settings.invitations.email')}
          name="email"
          type="email"
          autoComplete="off"
          inputMode="email"
          placeholder={t('settings.invitations.emailPlaceholder')}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errors.field('email')}
        />
        <SelectField
          label={t('settings.invitations.role')}
          name="role"
          options={roles.map((r) => ({ value: r, label: roleLabel(r) }))}
          value={role}
          onChange={(e) => setRole(e.target.value as Role)}
          error={errors.field('role')}
        />
        <Button type="submit" pending={createInvitation.isPending} pendingLabel={t('settings.invitations.sending')} data-testid="invite-submit">
          {t('settings.invitations.send')}
        </Button>
      </form>
      <FormError error={errors.general} extra={errors.unplacedFieldMessages} />
      {created && (
        <div className="alert alert-success invite-created" role="status" data-testid="invitation-created">
          <Icon name="check" />
          <div className="invite-created-body">
            <p>{t('settings.invitations.created', { email: created.invitation.email })}</p>
            <div className="copy-row">
              <input
                className="input input-sm mono"
                readOnly
                value={created.acceptUrl}
                aria-label={t('settings.invitations.acceptUrl')}
                data-testid="invitation-accept-url"
                onFocus={(e) => e.currentTarget.select()}
              />
              <CopyButton text={created.acceptUrl} testId="copy-accept-url" />
            </div>
          </div>
        </div>
      )}
    </div>
  );
}
