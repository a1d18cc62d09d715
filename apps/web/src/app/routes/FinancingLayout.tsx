import { Outlet } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/Card';
import { SectionTabs } from '../../components/SectionTabs';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useCurrentBusiness } from '../current-business';

/** Financing: the credit profile the books produce, and what the business shares with lenders; offers join it later. */
export function FinancingLayout() {
  const { t } = useTranslation();
  const { businessId } = useCurrentBusiness();
  useDocumentTitle(t('nav.financing'));
  return (
    <div className="page" data-testid="page-financing">
      <PageHeader title={t('nav.financing')} description={t('sections.financing.summary')} />
      <SectionTabs
        label={t('nav.financing')}
        businessId={businessId}
        testIdPrefix="financing-tab"
        tabs={[
          { key: 'credit', to: '/b/$businessId/financing/credit', label: t('credit.tab') },
          { key: 'sharing', to: '/b/$businessId/financing/sharing', label: t('financing.tabs.sharing') },
        ]}
      />
      <div className="section-body">
        <Outlet />
      </div>
    </div>
  );
}
