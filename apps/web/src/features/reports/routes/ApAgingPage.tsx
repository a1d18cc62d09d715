import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/Card';
import { EmptyState } from '../../../components/EmptyState';
import { useApAging } from '../api/get-ap-aging';
import { reportCsvHref } from '../api/reports-key';
import { AgingTable } from '../components/AgingTable';
import { todayIso } from '../components/dates';
import { AsOfPicker, CsvLink } from '../components/ReportControls';
import { ReportBody } from './ReportBody';

/** What is owed to suppliers (bills and expenses on account) by how long it is past due, as it stood on any day. */
export function ApAgingPage({ businessId }: { businessId: string }) {
  const { t } = useTranslation();
  const [asOf, setAsOf] = useState(todayIso);
  const report = useApAging(businessId, { asOf });
  return (
    <Card title={t('apAging.tab')} actions={<CsvLink href={reportCsvHref(businessId, 'ap-aging', { asOf })} />} testId="report-ap-aging">
      <AsOfPicker value={asOf} onChange={setAsOf} />
      <ReportBody query={report} columns={7}>
        {(d) =>
          d.suppliers.length === 0 ? (
            <EmptyState icon="purchases" title={t('apAging.emptyTitle')} testId="ap-aging-empty">
              {t('apAging.emptyBody')}
            </EmptyState>
          ) : (
            <AgingTable
              businessId={businessId}
              rows={d.suppliers}
              totals={d.totals}
              party={t('apAging.supplier')}
              count={(count) => t('apAging.documents', { count })}
              testId="ap-aging"
            />
          )
        }
      </ReportBody>
    </Card>
  );
}
