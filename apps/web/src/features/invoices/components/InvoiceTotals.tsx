import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMoneyFormat } from '../../../lib/money';

export type TotalsView = {
  currency: string;
  discountMinor: bigint;
  subtotalMinor: bigint;
  taxes: readonly { ratePercent: string; taxMinor: bigint }[];
  totalMinor: bigint;
  extra?: readonly { key: string; label: ReactNode; amountMinor: bigint; strong?: boolean }[];
};

export function InvoiceTotals({ view, pricesIncludeTax, footer }: { view: TotalsView; pricesIncludeTax: boolean; footer?: ReactNode }) {
  const { t } = useTranslation();
  const money = useMoneyFormat();
  const m = (minor: bigint) => money.minor(minor, view.currency);
  return (
    <div className="totals" data-testid="invoice-totals">
      <dl>
        {view.discountMinor > 0n && (
          <div>
            <dt>{t('invoices.totals.discount')}</dt>
            <dd className="num">−{m(view.discountMinor)}</dd>
          </div>
        )}
        <div>
          <dt>{t('invoices.totals.subtotal')}</dt>
          <dd className="num" data-testid="total-subtotal">
            {m(view.subtotalMinor)}
          </dd>
        </div>
        {view.taxes.map((tax) => (
          <div key={tax.ratePercent}>
            <dt>{pricesIncludeTax ? t('invoices.totals.taxIncluded', { rate: tax.ratePercent }) : t('invoices.totals.tax', { rate: tax.ratePercent })}</dt>
            <dd className="num" data-testid={`total-tax-${tax.ratePercent}`}>
              {m(tax.taxMinor)}
            </dd>
          </div>
        ))}
        <div className="totals-grand">
          <dt>{t('invoices.totals.total')}</dt>
          <dd className="num" data-testid="total-total">
            {m(view.totalMinor)}
          </dd>
        </div>
        {view.extra?.map((row) => (
          <div key={row.key} className={row.strong ? 'totals-grand' : undefined}>
            <dt>{row.label}</dt>
            <dd className="num" data-testid={`total-${row.key}`}>
              {m(row.amountMinor)}
            </dd>
          </div>
        ))}
      </dl>
      {footer}
    </div>
  );
}
