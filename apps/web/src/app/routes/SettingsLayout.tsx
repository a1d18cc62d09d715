import { Outlet } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/Card';
import { SectionTabs, type SectionTab } from '../../components/SectionTabs';
import { canManageBusiness } from '../../lib/roles';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useCurrentBusiness } from '../current-business';

export function SettingsLayout() {
  const { t } = useTranslation();
  const { businessId, business } = useCurrentBusiness();
  const admin = canManageBusiness(business?.role);
  useDocumentTitle(t('nav.settings'));
  const tabs: SectionTab[] = [
    { key: 'profile', to: '/b/$businessId/settings', exact: true, label: t('settings.tabs.profile') },
    { key: 'members', to: '/b/$businessId/settings/members', label: t('settings.tabs.members') },
    { key: 'taxes', to: '/b/$businessId/settings/taxes', label: t('settings.tabs.taxes') },
    { key: 'reminders', to: '/b/$businessId/settings/reminders', label: t('settings.tabs.reminders') },
    { key: 'inventory', to: '/b/$businessId/settings/inventory', label: t('inventory.settings.tab') },
    ...(admin
      ? ([
          { key: 'invitations', to: '/b/$businessId/settings/invitations', label: t('settings.tabs.invitations') },
          { key: 'audit', to: '/b/$businessId/settings/audit', label: t('settings.tabs.audit') },
        ] satisfies SectionTab[])
      : []),
  ];
  return (
    <div className="page" data-testid="page-settings">
      <PageHeader title={t('nav.settings')} description={t('settings.description', { business: business?.name ?? '' })} />
      <SectionTabs label={t('nav.settings')} businessId={businessId} testIdPrefix="settings-tab" tabs={tabs} />
      <div className="settings-body">
        <Outlet />
      </div>
    </div>
  );
}
