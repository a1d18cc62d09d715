import { Link, Outlet } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/Card';
import { allows, type Permission } from '../../lib/permissions';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useCurrentBusiness } from '../current-business';

/** Each tab shows only to those whose role has the permission its page needs. */
const SETTINGS_TABS = [
  { key: 'profile', to: '/b/$businessId/settings', exact: true, needs: 'business.read' },
  { key: 'members', to: '/b/$businessId/settings/members', exact: false, needs: 'members.read' },
  { key: 'taxes', to: '/b/$businessId/settings/taxes', exact: false, needs: 'products.read' },
  { key: 'invitations', to: '/b/$businessId/settings/invitations', exact: false, needs: 'invitations.manage' },
  { key: 'audit', to: '/b/$businessId/settings/audit', exact: false, needs: 'audit.read' },
] as const satisfies readonly { key: string; to: string; exact: boolean; needs: Permission }[];

export function SettingsLayout() {
  const { t } = useTranslation();
  const { businessId, business } = useCurrentBusiness();
  useDocumentTitle(t('nav.settings'));
  const tabs = SETTINGS_TABS.filter((tab) => allows(business?.permissions, tab.needs));
  return (
    <div className="page" data-testid="page-settings">
      <PageHeader title={t('nav.settings')} description={t('settings.description', { business: business?.name ?? '' })} />
      <nav className="tabs" aria-label={t('nav.settings')}>
        {tabs.map((tab) => (
          <Link
            key={tab.key}
            to={tab.to}
            params={{ businessId }}
            className="tab"
            activeOptions={{ exact: tab.exact }}
            activeProps={{ className: 'is-active', 'aria-current': 'page' }}
            data-testid={`settings-tab-${tab.key}`}
          >
            {t(`settings.tabs.${tab.key}`)}
          </Link>
        ))}
      </nav>
      <div className="settings-body">
        <Outlet />
      </div>
    </div>
  );
}
