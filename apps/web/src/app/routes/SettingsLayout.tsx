import { Outlet } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/Card';
import { SectionTabs } from '../../components/SectionTabs';
import { allows, type Permission } from '../../lib/permissions';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useCurrentBusiness } from '../current-business';

/** Each tab shows only to those whose role has the permission its page needs. */
const SETTINGS_TABS = [
  { key: 'profile', to: '/b/$businessId/settings', exact: true, needs: 'business.read', label: 'settings.tabs.profile' },
  { key: 'members', to: '/b/$businessId/settings/members', needs: 'members.read', label: 'settings.tabs.members' },
  { key: 'taxes', to: '/b/$businessId/settings/taxes', needs: 'products.read', label: 'settings.tabs.taxes' },
  { key: 'reminders', to: '/b/$businessId/settings/reminders', needs: 'invoices.read', label: 'settings.tabs.reminders' },
  { key: 'inventory', to: '/b/$businessId/settings/inventory', needs: 'inventory.read', label: 'inventory.settings.tab' },
  { key: 'invitations', to: '/b/$businessId/settings/invitations', needs: 'invitations.manage', label: 'settings.tabs.invitations' },
  { key: 'audit', to: '/b/$businessId/settings/audit', needs: 'audit.read', label: 'settings.tabs.audit' },
] as const satisfies readonly { key: string; to: string; exact?: boolean; needs: Permission; label: string }[];

export function SettingsLayout() {
  const { t } = useTranslation();
  const { businessId, business } = useCurrentBusiness();
  useDocumentTitle(t('nav.settings'));
  const tabs = SETTINGS_TABS.filter((tab) => allows(business?.permissions, tab.needs)).map((tab) => ({ ...tab, label: t(tab.label) }));
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
