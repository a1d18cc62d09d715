import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/Card';
import { EmptyState } from '../../../components/EmptyState';
import { useFormatters } from '../../../lib/format';
import { useMoneyFormat } from '../../../lib/money';
import { useCashReceived } from '../api/get-cash-received';
import { reportCsvHref } from '../api/reports-key';
import { calendarDate, presetRange } from '../components/dates';
import { CsvLink, PeriodPicker, type Period } from '../components/ReportControls';
import { ReportBody } from './ReportBody';

export function CashReceivedPage({ businessId }: { businessId: string }) {
  const { t } = useTranslation();
  const money = useMoneyFormat();
  const format = useFormatters();
  const [period, setPeriod] = useState<Period>(() => presetRange('thisMonth'));
  const report = useCashReceived(businessId, period);
  return (
    <Card title={t('reports.tabs.cashReceived')} actions={<CsvLink href={reportCsvHref(businessId, 'cash-received', period)} />} testId="report-cash-received">
      <PeriodPicker value={period} onChange={setPeriod} />
      <ReportBody query={report} columns={2}>
        {(d) => {
          const days = d.days.filter((day) => day.amount.amountMinor !== '0');
          return days.length === 0 ? (
            <EmptyState icon="financing" title={t('reports.cash.emptyTitle')} testId="cash-received-empty">
              {t('reports.cash.emptyBody')}
            </EmptyState>
          ) : (
            <div className="table-wrap">
              <table className="table report-table">
                <thead>
                  <tr>
                    <th scope="col">{t('reports.cash.date')}</th>
                    <th scope="col" className="align-end">
                      {t('reports.cash.amount')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {days.map((day) => (
                    <tr key={day.date}>
                      <td>{format.date(calendarDate(day.date))}</td>
                      <td className="align-end num">{money.json(day.amount)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr className="report-grand-row">
                    <td>{t('reports.total')}</td>
                    <td className="align-end num">{money.json(d.total)}</td>
                  </tr>
                </tfoot>
              </table>
            </div>
          );
        }}
      </ReportBody>
    </Card>
  );
}
