import { Link, Outlet } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/Card';
import { Icon } from '../../components/Icon';
import { SectionTabs } from '../../components/SectionTabs';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useCurrentBusiness } from '../current-business';

export function SalesLayout() {
  const { t } = useTranslation();
  const { businessId } = useCurrentBusiness();
  useDocumentTitle(t('nav.sales'));
  return (
    <div className="page" data-testid="page-sales">
      <PageHeader title={t('nav.sales')} description={t('sections.sales.summary')} />
      <SectionTabs
        label={t('nav.sales')}
        businessId={businessId}
        testIdPrefix="sales-tab"
        tabs={[
          { key: 'invoices', to: '/b/$businessId/sales/invoices', label: t('invoices.title') },
          { key: 'recurring', to: '/b/$businessId/sales/recurring', label: t('recurring.tab') },
          { key: 'payments', to: '/b/$businessId/sales/payments', label: t('payments.title') },
          { key: 'credit-notes', to: '/b/$businessId/sales/credit-notes', label: t('creditNotes.title') },
          { key: 'customers', to: '/b/$businessId/sales/customers', label: t('customers.title') },
        ]}
      />
      <div className="section-body">
        <Outlet />
      </div>
    </div>
  );
}

export function InventoryLayout() {
  const { t } = useTranslation();
  const { businessId } = useCurrentBusiness();
  useDocumentTitle(t('nav.inventory'));
  return (
    <div className="page" data-testid="page-inventory">
      <PageHeader title={t('nav.inventory')} description={t('sections.inventory.summary')} />
      <nav className="tabs" aria-label={t('nav.inventory')}>
        <Link to="/b/$businessId/inventory" params={{ businessId }} className="tab" activeProps={{ className: 'is-active', 'aria-current': 'page' }}>
          {t('products.title')}
        </Link>
      </nav>
      <div className="section-body">
        <Outlet />
        <p className="alert alert-info" data-testid="stock-coming-soon">
          <Icon name="clock" />
          <span>{t('products.stockComingSoon')}</span>
        </p>
      </div>
    </div>
  );
}
