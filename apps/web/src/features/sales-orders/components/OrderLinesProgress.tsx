import { useTranslation } from 'react-i18next';
import { useMoneyFormat } from '../../../lib/money';
import type { SalesOrder } from '../api/get-sales-order';

/** Each line with what was ordered, is held, has shipped, is billed, and waits for stock. */
export function OrderLinesProgress({ order }: { order: SalesOrder }) {
  const { t } = useTranslation();
  const money = useMoneyFormat();
  const confirmed = order.status === 'confirmed';
  const dash = <span className="muted">—</span>;
  return (
    <div className="table-wrap">
      <table className="table order-lines" data-testid="order-lines">
        <thead>
          <tr>
            <th scope="col">{t('invoices.lines.description')}</th>
            <th scope="col" className="align-end">{t('salesOrders.lines.ordered')}</th>
            <th scope="col" className="align-end">{t('salesOrders.lines.reserved')}</th>
            <th scope="col" className="align-end">{t('salesOrders.lines.shipped')}</th>
            <th scope="col" className="align-end">{t('salesOrders.lines.invoiced')}</th>
            <th scope="col" className="align-end">{t('salesOrders.lines.backOrdered')}</th>
            <th scope="col" className="align-end">{t('invoices.lines.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {order.lines.map((l, row) => (
            <tr key={l.id} data-testid={`order-line-${row}`} className={l.backOrdered !== '0' ? 'row-back-ordered' : undefined}>
              <td>
                {l.description}
                <span className="muted small line-meta">
                  {' · '}
                  {money.json(l.unitPrice)}
                  {l.discountPercent !== '0' && ` −${l.discountPercent}%`}
                  {l.taxRatePercent !== '0' && ` · ${t('salesOrders.lines.taxRate', { rate: l.taxRatePercent })}`}
                  {!l.stocked && ` · ${t('salesOrders.lines.noStock')}`}
                </span>
              </td>
              <td data-label={t('salesOrders.lines.ordered')} className="align-end num" data-testid={`order-line-${row}-ordered`}>{l.quantity}</td>
              <td data-label={t('salesOrders.lines.reserved')} className="align-end num" data-testid={`order-line-${row}-reserved`}>{l.stocked && confirmed ? l.reserved : dash}</td>
              <td data-label={t('salesOrders.lines.shipped')} className="align-end num" data-testid={`order-line-${row}-shipped`}>{l.stocked ? l.shipped : dash}</td>
              <td data-label={t('salesOrders.lines.invoiced')} className="align-end num" data-testid={`order-line-${row}-invoiced`}>{l.invoiced}</td>
              <td data-label={t('salesOrders.lines.backOrdered')} className="align-end num" data-testid={`order-line-${row}-back-ordered`}>
                {l.backOrdered !== '0' ? <strong className="text-warning">{l.backOrdered}</strong> : dash}
              </td>
              <td data-label={t('invoices.lines.amount')} className="align-end num">{money.json(order.pricesIncludeTax ? l.total : l.net)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
