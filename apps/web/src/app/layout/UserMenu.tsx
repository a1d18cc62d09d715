import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Dropdown } from '../../components/Dropdown';
import { Icon } from '../../components/Icon';
import { Spinner } from '../../components/Spinner';
import { useSignOut } from '../../features/auth/api/sign-out';
import type { Me } from '../../lib/me';

export function UserMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const initial = (me.user.name || me.user.email).trim().charAt(0).toUpperCase();
  return (
    <Dropdown
      className="user-menu"
      testId="user-menu"
      placement="above"
      triggerLabel={t('shell.accountMenu')}
      trigger={
        <>
          <span className="user-avatar" aria-hidden="true">
            {initial}
          </span>
          <span className="user-menu-text">
            <span className="user-menu-name">{me.user.name}</span>
            <span className="user-menu-email">{me.user.email}</span>
          </span>
          <Icon name="chevronDown" size={16} />
        </>
      }
    >
      {(close) => (
        <div role="menu" aria-label={t('shell.accountMenu')}>
          <p className="dropdown-heading">{t('shell.signedInAs', { email: me.user.email })}</p>
          {me.lenderOrganisations.length > 0 && (
            <Link role="menuitem" className="dropdown-item" to="/lender" onClick={close}>
              <span className="dropdown-item-icon">
                <Icon name="financing" size={16} />
              </span>
              <span>{t('lender.title')}</span>
            </Link>
          )}
          <button
            type="button"
            role="menuitem"
            className="dropdown-item"
            data-testid="sign-out"
            disabled={signOut.isPending}
            onClick={() =>
              signOut.mutate(undefined, {
                onSettled: () => {
                  close();
                  void navigate({ to: '/sign-in' });
                },
              })
            }
          >
            <span className="dropdown-item-icon">{signOut.isPending ? <Spinner size="sm" /> : <Icon name="signOut" size={16} />}</span>
            <span>{t('shell.signOut')}</span>
          </button>
        </div>
      )}
    </Dropdown>
  );
}
