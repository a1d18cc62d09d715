import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { PageSpinner } from '../../components/Spinner';
import { AuditLogSection } from '../../features/audit/components/AuditLogSection';
import { BusinessProfile } from '../../features/businesses/components/BusinessProfile';
import { InventorySettingsSection } from '../../features/inventory/components/InventorySettingsSection';
import { InvitationsSection } from '../../features/invitations/components/InvitationsSection';
import { MembersSection } from '../../features/members/components/MembersSection';
import { ReminderHistory } from '../../features/reminders/components/ReminderHistory';
import { ReminderSettingsForm } from '../../features/reminders/components/ReminderSettingsForm';
import { TaxesSection } from '../../features/taxes/components/TaxesSection';
import { allows } from '../../lib/permissions';
import { useCurrentBusiness } from '../current-business';

function OwnersAndAdminsOnly() {
  const { t } = useTranslation();
  return (
    <EmptyState icon="shield" title={t('settings.noAccessTitle')} testId="no-access">
      {t('settings.noAccessBody')}
    </EmptyState>
  );
}

export function ProfileSettingsPage() {
  const { businessId } = useCurrentBusiness();
  return <BusinessProfile businessId={businessId} />;
}

export function MembersSettingsPage() {
  const { businessId, business, me } = useCurrentBusiness();
  if (!business || !me) return <PageSpinner />;
  return <MembersSection businessId={businessId} myRole={business.role} myUserId={me.user.id} permissions={business.permissions} />;
}

export function InvitationsSettingsPage() {
  const { businessId, business } = useCurrentBusiness();
  if (!business) return <PageSpinner />;
  if (!allows(business.permissions, 'invitations.manage')) return <OwnersAndAdminsOnly />;
  return <InvitationsSection businessId={businessId} myRole={business.role} />;
}

export function AuditSettingsPage() {
  const { businessId, business } = useCurrentBusiness();
  if (!business) return <PageSpinner />;
  if (!allows(business.permissions, 'audit.read')) return <OwnersAndAdminsOnly />;
  return <AuditLogSection businessId={businessId} />;
}

export function TaxesSettingsPage() {
  const { businessId, business } = useCurrentBusiness();
  if (!business) return <PageSpinner />;
  return <TaxesSection businessId={businessId} permissions={business.permissions} />;
}

/** Owners and admins set the reminders up; everyone who reads invoices sees what was sent. */
export function RemindersSettingsPage() {
  const { businessId, business } = useCurrentBusiness();
  if (!business) return <PageSpinner />;
  return (
    <div className="column-stack" data-testid="reminders-settings">
      {allows(business.permissions, 'reminders.manage') && <ReminderSettingsForm businessId={businessId} />}
      <ReminderHistory businessId={businessId} />
    </div>
  );
}

export function InventorySettingsPage() {
  const { businessId, business } = useCurrentBusiness();
  if (!business) return <PageSpinner />;
  return <InventorySettingsSection businessId={businessId} permissions={business.permissions} />;
}
