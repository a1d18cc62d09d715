import { Link, Outlet } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/Card';
import { canManageBusiness } from '../../lib/roles';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useCurrentBusiness } from '../current-business';

export function SettingsLayout() {
  const { t } = useTranslation();
  const { businessId, business } = useCurrentBusiness();
  const admin = canManageBusiness(business?.role);
  useDocumentTitle(t('nav.settings'));
  const tabs = [
    { key: 'profile', to: '/b/$businessId/settings', exact: true, label: t('settings.tabs.profile') },
    { key: 'members', to: '/b/$businessId/settings/members', exact: false, label: t('settings.tabs.members') },
    { key: 'taxes', to: '/b/$businessId/settings/taxes', exact: false, label: t('settings.tabs.taxes') },
    { key: 'inventory', to: '/b/$businessId/settings/inventory', exact: false, label: t('inventory.settings.tab') },
    ...(admin
      ? [
          { key: 'invitations', to: '/b/$businessId/settings/invitations', exact: false, label: t('settings.tabs.invitations') },
          { key: 'audit', to: '/b/$businessId/settings/audit', exact: false, label: t('settings.tabs.audit') },
        ]
      : []),
  ] as const;
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
            {tab.label}
          </Link>
        ))}
      </nav>
      <div className="settings-body">
        <Outlet />
      </div>
    </div>
  );
}
