import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/Card';
import { useFormatters } from '../../../lib/format';
import { useMoneyFormat, type MoneyJson } from '../../../lib/money';
import { useProfitAndLoss, type ProfitAndLoss } from '../api/get-profit-and-loss';
import { reportCsvHref } from '../api/reports-key';
import { calendarDate, presetRange } from '../components/dates';
import { CsvLink, PeriodPicker, type Period } from '../components/ReportControls';
import { ReportBody } from './ReportBody';

type Section = ProfitAndLoss['income'];

export function ProfitAndLossPage({ businessId }: { businessId: string }) {
  const { t } = useTranslation();
  const money = useMoneyFormat();
  const format = useFormatters();
  const [period, setPeriod] = useState<Period>(() => presetRange('thisMonth'));
  const [compare, setCompare] = useState(false);
  const params = { ...period, ...(compare ? { compare: 'previous-period' as const } : {}) };
  const report = useProfitAndLoss(businessId, params);

  const amountCells = (amount: MoneyJson, previous: MoneyJson | null | undefined) => (
    <>
      <td className="align-end num">{money.json(amount)}</td>
      {compare && <td className="align-end num muted">{money.json(previous ?? null)}</td>}
    </>
  );
  const section = (title: string, s: Section, testId: string) => (
    <tbody key={testId} data-testid={testId}>
      <tr className="report-section-row">
        <th scope="rowgroup" colSpan={compare ? 3 : 2}>
          {title}
        </th>
      </tr>
      {s.lines.length === 0 ? (
        <tr>
          <td colSpan={compare ? 3 : 2} className="muted report-indent">
            {t('reports.pnl.noLines')}
          </td>
        </tr>
      ) : (
        s.lines.map((line) => (
          <tr key={line.account.id}>
            <td className="report-indent">
              <span className="account-code">{line.account.code}</span> {line.account.name}
            </td>
            {amountCells(line.amount, line.previousAmount)}
          </tr>
        ))
      )}
      <tr className="report-total-row">
        <td>{t('reports.totalOf', { name: title.toLocaleLowerCase() })}</td>
        {amountCells(s.total, s.previousTotal)}
      </tr>
    </tbody>
  );

  return (
    <Card
      title={t('reports.tabs.profitAndLoss')}
      description={t('reports.pnl.period', { from: format.date(calendarDate(period.from)), to: format.date(calendarDate(period.to)) })}
      actions={<CsvLink href={reportCsvHref(businessId, 'profit-and-loss', params)} />}
      testId="report-pnl"
    >
      <PeriodPicker value={period} onChange={setPeriod}>
        <label className="checkbox-inline">
          <input type="checkbox" checked={compare} onChange={(e) => setCompare(e.target.checked)} data-testid="pnl-compare" />
          <span>{t('reports.compare')}</span>
        </label>
      </PeriodPicker>
      <ReportBody query={report}>
        {(d) => (
          <div className="table-wrap">
            <table className="table report-table">
              <thead>
                <tr>
                  <th scope="col">{t('reports.account')}</th>
                  <th scope="col" className="align-end">
                    {format.date(calendarDate(d.from))} – {format.date(calendarDate(d.to))}
                  </th>
                  {compare && (
                    <th scope="col" className="align-end">
                      {d.previousPeriod
                        ? `${format.date(calendarDate(d.previousPeriod.from))} – ${format.date(calendarDate(d.previousPeriod.to))}`
                        : t('reports.previous')}
                    </th>
                  )}
                </tr>
              </thead>
              {section(t('reports.pnl.income'), d.income, 'pnl-income')}
              {section(t('reports.pnl.costOfSales'), d.costOfSales, 'pnl-cost-of-sales')}
              <tbody>
                <tr className="report-grand-row">
                  <td>{t('reports.pnl.grossProfit')}</td>
                  {amountCells(d.grossProfit, d.previousGrossProfit)}
                </tr>
              </tbody>
              {section(t('reports.pnl.expenses'), d.expenses, 'pnl-expenses')}
              <tfoot>
                <tr className="report-grand-row" data-testid="pnl-net-profit">
                  <td>{t('reports.pnl.netProfit')}</td>
                  {amountCells(d.netProfit, d.previousNetProfit)}
                </tr>
              </tfoot>
            </table>
          </div>
        )}
      </ReportBody>
    </Card>
  );
}
