import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/Card';
import { EmptyState } from '../../../components/EmptyState';
import { useArAging } from '../api/get-ar-aging';
import { reportCsvHref } from '../api/reports-key';
import { AgingTable } from '../components/AgingTable';
import { todayIso } from '../components/dates';
import { AsOfPicker, CsvLink } from '../components/ReportControls';
import { ReportBody } from './ReportBody';

export function ArAgingPage({ businessId }: { businessId: string }) {
  const { t } = useTranslation();
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
            <AgingTable
              businessId={businessId}
              rows={d.customers}
              totals={d.totals}
              party={t('reports.aging.customer')}
              count={(count) => t('dashboard.invoices', { count })}
              testId="ar-aging"
            />
          )
        }
      </ReportBody>
    </Card>
  );
}
