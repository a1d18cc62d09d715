import { InvoiceTotals } from '../../invoices/components/InvoiceTotals';
import type { MoneyJson } from '../../../lib/money';

type StoredTotals = {
  currency: string;
  pricesIncludeTax: boolean;
  discount: MoneyJson;
  subtotal: MoneyJson;
  total: MoneyJson;
  taxes: readonly { ratePercent: string; tax: MoneyJson }[];
};

/** The totals of a saved quote or order, laid out as on invoices. */
export function DocumentTotals({ doc }: { doc: StoredTotals }) {
  return (
    <InvoiceTotals
      pricesIncludeTax={doc.pricesIncludeTax}
      view={{
        currency: doc.currency,
        discountMinor: BigInt(doc.discount.amountMinor),
        subtotalMinor: BigInt(doc.subtotal.amountMinor),
        taxes: doc.taxes.map((x) => ({ ratePercent: x.ratePercent, taxMinor: BigInt(x.tax.amountMinor) })),
        totalMinor: BigInt(doc.total.amountMinor),
      }}
    />
  );
}
