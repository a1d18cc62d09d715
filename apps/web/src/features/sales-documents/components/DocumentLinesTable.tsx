import { useTranslation } from 'react-i18next';
import { useMoneyFormat, type MoneyJson } from '../../../lib/money';

type Line = { id: string; description: string; quantity: string; unitPrice: MoneyJson; discountPercent: string; taxRatePercent: string; net: MoneyJson; total: MoneyJson };

/** The lines of a saved quote, read-only, as on an invoice. */
export function DocumentLinesTable({ lines, pricesIncludeTax, testId }: { lines: readonly Line[]; pricesIncludeTax: boolean; testId: string }) {
  const { t } = useTranslation();
  const money = useMoneyFormat();
  return (
    <div className="table-wrap">
      <table className="table" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{t('invoices.lines.description')}</th>
            <th scope="col" className="align-end">{t('invoices.lines.quantity')}</th>
            <th scope="col" className="align-end">{t('invoices.lines.unitPrice')}</th>
            <th scope="col" className="align-end">{t('invoices.lines.discount')}</th>
            <th scope="col" className="align-end">{t('invoices.lines.tax')}</th>
            <th scope="col" className="align-end">{t('invoices.lines.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.id}>
              <td>{line.description}</td>
              <td data-label={t('invoices.lines.quantity')} className="align-end num">{line.quantity}</td>
              <td data-label={t('invoices.lines.unitPrice')} className="align-end num">{money.json(line.unitPrice)}</td>
              <td data-label={t('invoices.lines.discount')} className="align-end num">{line.discountPercent === '0' ? '—' : `${line.discountPercent}%`}</td>
              <td data-label={t('invoices.lines.tax')} className="align-end num">{line.taxRatePercent === '0' ? '—' : `${line.taxRatePercent}%`}</td>
              <td data-label={t('invoices.lines.amount')} className="align-end num">{money.json(pricesIncludeTax ? line.total : line.net)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
