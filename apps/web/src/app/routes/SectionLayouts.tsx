import { Outlet } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/Card';
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
          { key: 'quotes', to: '/b/$businessId/sales/quotes', label: t('quotes.title') },
          { key: 'orders', to: '/b/$businessId/sales/orders', label: t('salesOrders.title') },
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

/** Inventory: products and everything about their stock, one tab each. */
export function InventoryLayout() {
  const { t } = useTranslation();
  const { businessId } = useCurrentBusiness();
  useDocumentTitle(t('nav.inventory'));
  return (
    <div className="page" data-testid="page-inventory">
      <PageHeader title={t('nav.inventory')} description={t('sections.inventory.summary')} />
      <SectionTabs
        label={t('nav.inventory')}
        businessId={businessId}
        testIdPrefix="inventory-tab"
        tabs={[
          // The products tab also owns the product pages (and their stock cards, reached from them).
          { key: 'products', to: '/b/$businessId/inventory', exact: true, also: ['/b/$businessId/inventory/products'], label: t('products.title') },
          { key: 'stock', to: '/b/$businessId/inventory/stock', label: t('inventory.tabs.stock') },
          { key: 'operations', to: '/b/$businessId/inventory/operations', label: t('inventory.tabs.operations') },
          { key: 'counts', to: '/b/$businessId/inventory/counts', label: t('inventory.tabs.counts') },
          { key: 'reorder', to: '/b/$businessId/inventory/reorder', label: t('inventory.tabs.reorder') },
          { key: 'valuation', to: '/b/$businessId/inventory/valuation', label: t('inventory.tabs.valuation') },
          { key: 'locations', to: '/b/$businessId/inventory/locations', label: t('inventory.tabs.locations') },
        ]}
      />
      <div className="section-body">
        <Outlet />
      </div>
    </div>
  );
}

export function PurchasesLayout() {
  const { t } = useTranslation();
  const { businessId } = useCurrentBusiness();
  useDocumentTitle(t('nav.purchases'));
  return (
    <div className="page" data-testid="page-purchases">
      <PageHeader title={t('nav.purchases')} description={t('sections.purchases.summary')} />
      <SectionTabs
        label={t('nav.purchases')}
        businessId={businessId}
        testIdPrefix="purchases-tab"
        tabs={(['orders', 'bills', 'payments', 'expenses', 'suppliers'] as const).map((key) => ({
          key,
          to: `/b/$businessId/purchases/${key}` as const,
          label: t(`purchases.tabs.${key}`),
        }))}
      />
      <div className="section-body">
        <Outlet />
      </div>
    </div>
  );
}
