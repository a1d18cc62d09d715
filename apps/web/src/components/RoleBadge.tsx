import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../lib/roles';

export function useRoleLabel() {
  const { t } = useTranslation();
  return (role: Role) => ((ROLES as readonly string[]).includes(role) ? t(`roles.${role as (typeof ROLES)[number]}`) : role);
}

export function RoleBadge({ role }: { role: Role }) {
  const label = useRoleLabel();
  return <span className={`badge badge-role badge-${role}`}>{label(role)}</span>;
}
