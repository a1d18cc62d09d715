import { Link, Outlet } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/Card';
import { Icon } from '../../components/Icon';
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

const PURCHASE_TABS = [
  { key: 'orders', to: '/b/$businessId/purchases/orders' },
  { key: 'bills', to: '/b/$businessId/purchases/bills' },
  { key: 'payments', to: '/b/$businessId/purchases/payments' },
  { key: 'expenses', to: '/b/$businessId/purchases/expenses' },
  { key: 'suppliers', to: '/b/$businessId/purchases/suppliers' },
] as const;

export function PurchasesLayout() {
  const { t } = useTranslation();
  const { businessId } = useCurrentBusiness();
  useDocumentTitle(t('nav.purchases'));
  return (
    <div className="page" data-testid="page-purchases">
      <PageHeader title={t('nav.purchases')} description={t('sections.purchases.summary')} />
      <nav className="tabs tabs-scroll" aria-label={t('nav.purchases')}>
        {PURCHASE_TABS.map((tab) => (
          <Link
            key={tab.key}
            to={tab.to}
            params={{ businessId }}
            className="tab"
            activeProps={{ className: 'is-active', 'aria-current': 'page' }}
            data-testid={`purchases-tab-${tab.key}`}
          >
            {t(`purchases.tabs.${tab.key}`)}
          </Link>
        ))}
      </nav>
      <div className="section-body">
        <Outlet />
      </div>
    </div>
  );
}
