import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useMoneyFormat, type MoneyJson } from '../../../lib/money';

const BUCKETS = ['current', 'days1To30', 'days31To60', 'days61To90', 'over90', 'total'] as const;
type Buckets = Record<(typeof BUCKETS)[number], MoneyJson> & { invoiceCount: number };

/** An aging table (receivables or payables): one row per contact, a column per days-past-due bucket, totals below. */
export function AgingTable({
  businessId,
  rows,
  totals,
  party,
  count,
  testId,
}: {
  businessId: string;
  rows: readonly (Buckets & { contact: { id: string; name: string } })[];
  totals: Buckets;
  party: string;
  count: (n: number) => string;
  testId: string;
}) {
  const { t } = useTranslation();
  const money = useMoneyFormat();
  return (
    <div className="table-wrap">
      <table className="table report-table" data-testid={`${testId}-table`}>
        <thead>
          <tr>
            <th scope="col">{party}</th>
            {BUCKETS.map((b) => (
              <th key={b} scope="col" className="align-end">
                {t(`reports.aging.${b}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.contact.id} data-testid={`${testId}-row-${row.contact.id}`}>
              <td>
                <div className="person">
                  <Link className="person-name" to="/b/$businessId/sales/customers/$contactId" params={{ businessId, contactId: row.contact.id }}>
                    {row.contact.name}
                  </Link>
                  <span className="person-email">{count(row.invoiceCount)}</span>
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
          <tr className="report-grand-row" data-testid={`${testId}-totals`}>
            <td>{t('reports.total')}</td>
            {BUCKETS.map((b) => (
              <td key={b} data-label={t(`reports.aging.${b}`)} className="align-end num">
                {money.json(totals[b])}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
