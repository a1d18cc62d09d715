import { Link, Outlet } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/Card';
import { EmptyState } from '../../../components/EmptyState';
import { allows, type Permission, type Permissions } from '../../../lib/permissions';
import { useDocumentTitle } from '../../../lib/use-document-title';

/** Each tab with the permission its page reads: reports, or the books themselves (chart of accounts, journal). */
const TABS = [
  { key: 'profitAndLoss', to: '/b/$businessId/reports/profit-and-loss', needs: 'reports.read' },
  { key: 'balanceSheet', to: '/b/$businessId/reports/balance-sheet', needs: 'reports.read' },
  { key: 'trialBalance', to: '/b/$businessId/reports/trial-balance', needs: 'reports.read' },
  { key: 'arAging', to: '/b/$businessId/reports/ar-aging', needs: 'reports.read' },
  { key: 'apAging', to: '/b/$businessId/reports/ap-aging', needs: 'reports.read' },
  { key: 'cashReceived', to: '/b/$businessId/reports/cash-received', needs: 'reports.read' },
  { key: 'accounts', to: '/b/$businessId/reports/accounts', needs: 'ledger.read' },
  { key: 'journal', to: '/b/$businessId/reports/journal', needs: 'ledger.read' },
] as const satisfies readonly { key: string; to: string; needs: Permission }[];

export function ReportsLayout({ businessId, permissions }: { businessId: string; permissions: Permissions }) {
  const { t } = useTranslation();
  useDocumentTitle(t('nav.reports'));
  const tabs = TABS.filter((tab) => allows(permissions, tab.needs));
  return (
    <div className="page" data-testid="page-reports">
      <PageHeader title={t('nav.reports')} description={t('sections.reports.summary')} />
      {tabs.length > 0 ? (
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
