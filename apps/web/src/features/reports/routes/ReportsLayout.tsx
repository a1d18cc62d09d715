import { Link, Outlet } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/Card';
import { EmptyState } from '../../../components/EmptyState';
import { roleAllows } from '../../../lib/permissions';
import type { Role } from '../../../lib/roles';
import { useDocumentTitle } from '../../../lib/use-document-title';

const REPORT_TABS = [
  { key: 'profitAndLoss', to: '/b/$businessId/reports/profit-and-loss' },
  { key: 'balanceSheet', to: '/b/$businessId/reports/balance-sheet' },
  { key: 'trialBalance', to: '/b/$businessId/reports/trial-balance' },
  { key: 'arAging', to: '/b/$businessId/reports/ar-aging' },
  { key: 'apAging', to: '/b/$businessId/reports/ap-aging' },
  { key: 'cashReceived', to: '/b/$businessId/reports/cash-received' },
] as const;
const BOOK_TABS = [
  { key: 'accounts', to: '/b/$businessId/reports/accounts' },
  { key: 'journal', to: '/b/$businessId/reports/journal' },
] as const;

export function ReportsLayout({ businessId, role }: { businessId: string; role: Role }) {
  const { t } = useTranslation();
  useDocumentTitle(t('nav.reports'));
  const tabs = roleAllows(role, 'ledger.read') ? [...REPORT_TABS, ...BOOK_TABS] : REPORT_TABS;
  return (
    <div className="page" data-testid="page-reports">
      <PageHeader title={t('nav.reports')} description={t('sections.reports.summary')} />
      {roleAllows(role, 'reports.read') ? (
        <>
          <nav className="tabs tabs-scroll" aria-label={t('nav.reports')}>
            {tabs.map((tab) => (
              <Link
                key={tab.key}
                to={tab.to}
                params={{ businessId }}
                className="tab"
                activeProps={{ className: 'is-active', 'aria-current': 'page' }}
                data-testid={`reports-tab-${tab.key}`}
              >
                {tab.key === 'apAging' ? t('apAging.tab') : t(`reports.tabs.${tab.key}`)}
              </Link>
            ))}
          </nav>
          <div className="section-body">
            <Outlet />
          </div>
        </>
      ) : (
        <EmptyState icon="shield" title={t('reports.noAccessTitle')} testId="reports-no-access">
          {t('reports.noAccessBody')}
        </EmptyState>
      )}
    </div>
  );
}
