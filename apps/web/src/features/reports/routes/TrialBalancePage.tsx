import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/Card';
import { Icon } from '../../../components/Icon';
import { useMoneyFormat } from '../../../lib/money';
import { useTrialBalance } from '../api/get-trial-balance';
import { reportCsvHref } from '../api/reports-key';
import { todayIso } from '../components/dates';
import { AsOfPicker, CsvLink } from '../components/ReportControls';
import { ReportBody } from './ReportBody';

export function TrialBalancePage({ businessId }: { businessId: string }) {
  const { t } = useTranslation();
  const money = useMoneyFormat();
  const [asOf, setAsOf] = useState(todayIso);
  const report = useTrialBalance(businessId, { asOf });
  return (
    <Card title={t('reports.tabs.trialBalance')} actions={<CsvLink href={reportCsvHref(businessId, 'trial-balance', { asOf })} />} testId="report-trial-balance">
      <AsOfPicker value={asOf} onChange={setAsOf} />
      <ReportBody query={report}>
        {(d) => (
          <>
            <p className={`alert ${d.balanced ? 'alert-success' : 'alert-error'}`} data-testid="trial-balance-balanced">
              <Icon name={d.balanced ? 'check' : 'alert'} />
              <span>{d.balanced ? t('reports.tb.balanced') : t('reports.tb.notBalanced')}</span>
            </p>
            <div className="table-wrap">
              <table className="table report-table">
                <thead>
                  <tr>
                    <th scope="col">{t('reports.account')}</th>
                    <th scope="col" className="align-end">
                      {t('reports.tb.debit')}
                    </th>
                    <th scope="col" className="align-end">
                      {t('reports.tb.credit')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {d.rows.length === 0 && (
                    <tr>
                      <td colSpan={3} className="muted">
                        {t('reports.tb.empty')}
                      </td>
                    </tr>
                  )}
                  {d.rows.map((row) => (
                    <tr key={row.account.id}>
                      <td>
                        <span className="account-code">{row.account.code}</span> {row.account.name}
                      </td>
                      <td className="align-end num">{row.debitDecimal !== '0' && row.debitDecimal !== '0.00' ? money.json(row.debit) : ''}</td>
                      <td className="align-end num">{row.creditDecimal !== '0' && row.creditDecimal !== '0.00' ? money.json(row.credit) : ''}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr className="report-grand-row">
                    <td>{t('reports.total')}</td>
                    <td className="align-end num">{money.json(d.totalDebit)}</td>
                    <td className="align-end num">{money.json(d.totalCredit)}</td>
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
