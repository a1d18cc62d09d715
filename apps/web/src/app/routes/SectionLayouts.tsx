import { Link, Outlet, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/Card';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useCurrentBusiness } from '../current-business';

export function SalesLayout() {
  const { t } = useTranslation();
  const { businessId } = useCurrentBusiness();
  useDocumentTitle(t('nav.sales'));
  return (
    <div className="page" data-testid="page-sales">
      <PageHeader title={t('nav.sales')} description={t('sections.sales.summary')} />
      <nav className="tabs" aria-label={t('nav.sales')}>
        <Link to="/b/$businessId/sales/invoices" params={{ businessId }} className="tab" activeProps={{ className: 'is-active', 'aria-current': 'page' }} data-testid="sales-tab-invoices">
          {t('invoices.title')}
        </Link>
        <Link to="/b/$businessId/sales/payments" params={{ businessId }} className="tab" activeProps={{ className: 'is-active', 'aria-current': 'page' }} data-testid="sales-tab-payments">
          {t('payments.title')}
        </Link>
        <Link to="/b/$businessId/sales/credit-notes" params={{ businessId }} className="tab" activeProps={{ className: 'is-active', 'aria-current': 'page' }} data-testid="sales-tab-credit-notes">
          {t('creditNotes.title')}
        </Link>
        <Link to="/b/$businessId/sales/customers" params={{ businessId }} className="tab" activeProps={{ className: 'is-active', 'aria-current': 'page' }} data-testid="sales-tab-customers">
          {t('customers.title')}
        </Link>
      </nav>
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
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  useDocumentTitle(t('nav.inventory'));
  const section = pathname.split('/inventory')[1] ?? '';
  // The products tab also owns the product pages (and their stock cards, reached from them).
  const productsActive = section === '' || section === '/' || section.startsWith('/products');
  const tabs = [
    { key: 'stock', to: '/b/$businessId/inventory/stock', label: t('inventory.tabs.stock') },
    { key: 'operations', to: '/b/$businessId/inventory/operations', label: t('inventory.tabs.operations') },
    { key: 'counts', to: '/b/$businessId/inventory/counts', label: t('inventory.tabs.counts') },
    { key: 'reorder', to: '/b/$businessId/inventory/reorder', label: t('inventory.tabs.reorder') },
    { key: 'valuation', to: '/b/$businessId/inventory/valuation', label: t('inventory.tabs.valuation') },
    { key: 'locations', to: '/b/$businessId/inventory/locations', label: t('inventory.tabs.locations') },
  ] as const;
  return (
    <div className="page" data-testid="page-inventory">
      <PageHeader title={t('nav.inventory')} description={t('sections.inventory.summary')} />
      <nav className="tabs" aria-label={t('nav.inventory')}>
        <Link
          to="/b/$businessId/inventory"
          params={{ businessId }}
          className={`tab${productsActive ? ' is-active' : ''}`}
          aria-current={productsActive ? 'page' : undefined}
          activeOptions={{ exact: true }}
          data-testid="inventory-tab-products"
        >
          {t('products.title')}
        </Link>
        {tabs.map((tab) => (
          <Link
            key={tab.key}
            to={tab.to}
            params={{ businessId }}
            className="tab"
            activeProps={{ className: 'is-active', 'aria-current': 'page' }}
            data-testid={`inventory-tab-${tab.key}`}
          >
            {tab.label}
          </Link>
        ))}
      </nav>
      <div className="section-body">
        <Outlet />
      </div>
    </div>
  );
}
