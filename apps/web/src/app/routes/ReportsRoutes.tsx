import { useTranslation } from 'react-i18next';
import { DashboardPage } from '../../features/reports/routes/DashboardPage';
import { ReportsLayout } from '../../features/reports/routes/ReportsLayout';
import { useCurrentBusiness } from '../current-business';

export function DashboardRoute() {
  const { t } = useTranslation();
  const { businessId, business, me } = useCurrentBusiness();
  return (
    <DashboardPage
      businessId={businessId}
      permissions={business?.permissions ?? []}
      title={t('sections.dashboard.welcome', { name: me?.user.name ?? '' })}
      subtitle={business?.name}
    />
  );
}

export function ReportsLayoutRoute() {
  const { businessId, business } = useCurrentBusiness();
  return <ReportsLayout businessId={businessId} permissions={business?.permissions ?? []} />;
}
