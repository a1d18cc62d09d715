import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/Card';
import { EmptyState } from '../../../components/EmptyState';
import { useMoneyFormat } from '../../../lib/money';
import { useArAging } from '../api/get-ar-aging';
import { reportCsvHref } from '../api/reports-key';
import { todayIso } from '../components/dates';
import { AsOfPicker, CsvLink } from '../components/ReportControls';
import { ReportBody } from './ReportBody';

const BUCKETS = ['current', 'days1To30', 'days31To60', 'days61To90', 'over90', 'total'] as const;

export function ArAgingPage({ businessId }: { businessId: string }) {
  const { t } = useTranslation();
  const money = useMoneyFormat();
  const [asOf, setAsOf] = useState(todayIso);
  const report = useArAging(businessId, { asOf });
  return (
    <Card title={t('reports.tabs.arAging')} actions={<CsvLink href={reportCsvHref(businessId, 'ar-aging', { asOf })} />} testId="report-ar-aging">
      <AsOfPicker value={asOf} onChange={setAsOf} />
      <ReportBody query={report} columns={7}>
        {(d) =>
          d.customers.length === 0 ? (
            <EmptyState icon="users" title={t('reports.aging.emptyTitle')} testId="ar-aging-empty">
              {t('reports.aging.emptyBody')}
            </EmptyState>
          ) : (
            <div className="table-wrap">
              <table className="table report-table" data-testid="ar-aging-table">
                <thead>
                  <tr>
                    <th scope="col">{t('reports.aging.customer')}</th>
                    {BUCKETS.map((b) => (
                      <th key={b} scope="col" className="align-end">
                        {t(`reports.aging.${b}`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {d.customers.map((row) => (
                    <tr key={row.contact.id} data-testid={`ar-aging-row-${row.contact.id}`}>
                      <td>
                        <div className="person">
                          <Link className="person-name" to="/b/$businessId/sales/customers/$contactId" params={{ businessId, contactId: row.contact.id }}>
                            {row.contact.name}
                          </Link>
                          <span className="person-email">{t('dashboard.invoices', { count: row.invoiceCount })}</span>
                        </div>
                      </td>
                      {BUCKETS.map((b) => (
                        <td key={b} data-label={t(`reports.aging.${b}`)} className={`align-end num${b === 'total' ? ' strong' : ''}`}>
                          {money.json(row[b])}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr className="report-grand-row" data-testid="ar-aging-totals">
                    <td>{t('reports.total')}</td>
                    {BUCKETS.map((b) => (
                      <td key={b} data-label={t(`reports.aging.${b}`)} className="align-end num">
                        {money.json(d.totals[b])}
                      </td>
                    ))}
                  </tr>
                </tfoot>
              </table>
            </div>
          )
        }
      </ReportBody>
    </Card>
  );
}
