import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Card, PageHeader } from '../../../components/Card';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { Skeleton } from '../../../components/Skeleton';
import { useMoneyFormat } from '../../../lib/money';
import { allows, type Permissions } from '../../../lib/permissions';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useDashboard, type Dashboard } from '../api/get-dashboard';
import { RevenueChart } from '../components/RevenueChart';

function isEmptyBusiness(d: Dashboard): boolean {
  return (
    d.revenueByMonth.every((m) => m.amount.amountMinor === '0') &&
    d.receivables.outstandingCount === 0 &&
    d.payables.outstandingCount === 0 &&
    d.topCustomers.length === 0 &&
    d.cash.cashIn.amountMinor === '0' &&
    d.cash.cashOut.amountMinor === '0'
  );
}

export function DashboardPage({ businessId, permissions, title, subtitle }: { businessId: string; permissions: Permissions; title: string; subtitle?: string }) {
  const { t } = useTranslation();
  useDocumentTitle(t('dashboard.title'));
  const money = useMoneyFormat();
  const dashboard = useDashboard(businessId);
  const canWrite = allows(permissions, 'invoices.write');

  let body;
  if (dashboard.isPending) {
    body = (
      <div className="dashboard-grid" aria-busy="true">
        {[0, 1, 2].map((i) => (
          <Card key={i}>
            <Skeleton width="40%" height={16} />
            <div style={{ height: 12 }} />
            <Skeleton width="70%" height={28} />
          </Card>
        ))}
      </div>
    );
  } else if (dashboard.isError) {
    body = <ErrorState error={dashboard.error} onRetry={() => void dashboard.refetch()} retrying={dashboard.isFetching} />;
  } else if (isEmptyBusiness(dashboard.data)) {
    body = (
      <Card>
        <EmptyState
          icon="sales"
          title={t('dashboard.emptyTitle')}
          testId="dashboard-empty"
          action={
            canWrite && (
              <Link className="btn btn-primary btn-md" to="/b/$businessId/sales/invoices/new" params={{ businessId }} data-testid="dashboard-new-invoice">
                {t('dashboard.emptyAction')}
              </Link>
            )
          }
        >
          {t('dashboard.emptyBody')}
        </EmptyState>
      </Card>
    );
  } else {
    const d = dashboard.data;
    const netNegative = d.cash.net.amountMinor.startsWith('-');
    body = (
      <>
        <div className="dashboard-grid">
          <Card testId="dashboard-outstanding">
            <p className="stat-label">{t('dashboard.outstanding')}</p>
            <p className="stat-value num" data-testid="dashboard-outstanding-amount">
              {money.json(d.receivables.outstanding)}
            </p>
            <p className="stat-meta">
              <Link to="/b/$businessId/sales/invoices" params={{ businessId }}>
                {t('dashboard.invoices', { count: d.receivables.outstandingCount })}
              </Link>
            </p>
          </Card>
          <Card testId="dashboard-overdue">
            <p className="stat-label">{t('dashboard.overdue')}</p>
            <p className={`stat-value num${d.receivables.overdueCount > 0 ? ' is-danger' : ''}`} data-testid="dashboard-overdue-amount">
              {money.json(d.receivables.overdue)}
            </p>
            <p className="stat-meta">
              <Link to="/b/$businessId/sales/invoices" params={{ businessId }} search={{ status: 'overdue' }} data-testid="dashboard-overdue-link">
                {t('dashboard.invoices', { count: d.receivables.overdueCount })} · {t('dashboard.viewOverdue')}
              </Link>
            </p>
          </Card>
          <Card testId="dashboard-payables">
            <p className="stat-label">{t('dashboardPayables.outstanding')}</p>
            <p className="stat-value num" data-testid="dashboard-payables-amount">
              {money.json(d.payables.outstanding)}
            </p>
            <p className="stat-meta">
              <Link to="/b/$businessId/purchases/bills" params={{ businessId }} search={{ status: d.payables.overdueCount > 0 ? 'overdue' : 'unpaid' }}>
                {d.payables.overdueCount > 0
                  ? `${t('dashboardPayables.overdue')}: ${money.json(d.payables.overdue)}`
                  : t('dashboardPayables.documents', { count: d.payables.outstandingCount })}
              </Link>
            </p>
          </Card>
          <Card testId="dashboard-cash">
            <p className="stat-label">{t('dashboard.cashTitle')}</p>
            <dl className="stat-list">
              <div>
                <dt>{t('dashboard.cashIn')}</dt>
                <dd className="num">{money.json(d.cash.cashIn)}</dd>
              </div>
              <div>
                <dt>{t('dashboard.cashOut')}</dt>
                <dd className="num">{money.json(d.cash.cashOut)}</dd>
              </div>
              <div className="stat-list-total">
                <dt>{t('dashboard.cashNet')}</dt>
                <dd className={`num${netNegative ? ' is-danger' : ''}`}>{money.json(d.cash.net)}</dd>
              </div>
            </dl>
          </Card>
        </div>
        <div className="dashboard-main">
          <Card title={t('dashboard.revenueTitle')} description={t('dashboard.revenueDescription', { currency: d.currency })} testId="dashboard-revenue">
            <RevenueChart months={d.revenueByMonth} />
          </Card>
          <Card title={t('dashboard.topCustomers')} description={t('dashboard.topCustomersDescription')} testId="dashboard-top-customers">
            {d.topCustomers.length === 0 ? (
              <p className="muted">{t('dashboard.noCustomers')}</p>
            ) : (
              <ol className="rank-list">
                {d.topCustomers.map((c) => (
                  <li key={c.contact.id}>
                    <div className="person">
                      <Link className="person-name" to="/b/$businessId/sales/customers/$contactId" params={{ businessId, contactId: c.contact.id }}>
                        {c.contact.name}
                      </Link>
                      <span className="person-email">{t('dashboard.invoices', { count: c.invoiceCount })}</span>
                    </div>
                    <span className="num">{money.json(c.revenue)}</span>
                  </li>
                ))}
              </ol>
            )}
          </Card>
        </div>
      </>
    );
  }

  return (
    <div className="page" data-testid="page-dashboard">
      <PageHeader title={title} description={subtitle} />
      {body}
    </div>
  );
}
