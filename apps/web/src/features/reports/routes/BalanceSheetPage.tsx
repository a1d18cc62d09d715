import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/Card';
import { Icon } from '../../../components/Icon';
import { useMoneyFormat } from '../../../lib/money';
import { useBalanceSheet, type BalanceSheet } from '../api/get-balance-sheet';
import { reportCsvHref } from '../api/reports-key';
import { todayIso } from '../components/dates';
import { AsOfPicker, CsvLink } from '../components/ReportControls';
import { ReportBody } from './ReportBody';

export function BalanceSheetPage({ businessId }: { businessId: string }) {
  const { t } = useTranslation();
  const money = useMoneyFormat();
  const [asOf, setAsOf] = useState(todayIso);
  const report = useBalanceSheet(businessId, { asOf });

  const section = (title: string, s: BalanceSheet['assets'], testId: string) => (
    <tbody data-testid={testId}>
      <tr className="report-section-row">
        <th scope="rowgroup" colSpan={2}>
          {title}
        </th>
      </tr>
      {s.lines.map((line, i) => (
        <tr key={line.account?.id ?? `${line.name}-${i}`}>
          <td className="report-indent">{line.name}</td>
          <td className="align-end num">{money.json(line.amount)}</td>
        </tr>
      ))}
      <tr className="report-total-row">
        <td>{t('reports.totalOf', { name: title.toLocaleLowerCase() })}</td>
        <td className="align-end num">{money.json(s.total)}</td>
      </tr>
    </tbody>
  );

  return (
    <Card title={t('reports.tabs.balanceSheet')} actions={<CsvLink href={reportCsvHref(businessId, 'balance-sheet', { asOf })} />} testId="report-balance-sheet">
      <AsOfPicker value={asOf} onChange={setAsOf} />
      <ReportBody query={report} columns={2}>
        {(d) => (
          <>
            <p className={`alert ${d.balanced ? 'alert-success' : 'alert-error'}`} data-testid="balance-sheet-balanced" data-balanced={d.balanced}>
              <Icon name={d.balanced ? 'check' : 'alert'} />
              <span>{d.balanced ? t('reports.bs.balanced') : t('reports.bs.notBalanced')}</span>
            </p>
            <div className="table-wrap">
              <table className="table report-table">
                <thead>
                  <tr>
                    <th scope="col">{t('reports.account')}</th>
                    <th scope="col" className="align-end">
                      {t('reports.amount')}
                    </th>
                  </tr>
                </thead>
                {section(t('reports.bs.assets'), d.assets, 'bs-assets')}
                {section(t('reports.bs.liabilities'), d.liabilities, 'bs-liabilities')}
                {section(t('reports.bs.equity'), d.equity, 'bs-equity')}
                <tfoot>
                  <tr className="report-grand-row">
                    <td>{t('reports.bs.totalLiabilitiesAndEquity')}</td>
                    <td className="align-end num">{money.json(d.totalLiabilitiesAndEquity)}</td>
                  </tr>
                </tfoot>
              </table>
            </div>
          </>
        )}
      </ReportBody>
    </Card>
  );
}
