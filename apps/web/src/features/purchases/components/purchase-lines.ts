import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaxRounding } from '@keeper/invoicing';
import { useFormErrors } from '../../../lib/error-message';
import type { MoneyJson } from '../../../lib/money';
import { currencyOptions } from '../../businesses/business-options';
import { blankLine, isBlankLine, liveTotals, type EditorLine } from '../../invoices/components/editor-lines';
import type { Product } from '../../products/api/get-products';
import type { TaxRate } from '../../taxes/api/get-tax-rates';
import type { SpendAccount } from '../api/get-spend-accounts';

const LINE_FIELDS = ['productId', 'purchaseOrderLineId', 'description', 'quantity', 'unitPrice', 'taxRateId', 'accountId'] as const;

/** A purchased product comes in at its purchase cost (not its sales price). */
export const costOf = (product: Product): MoneyJson | null => product.purchaseCost ?? null;

export const accountOptions = (accounts: readonly SpendAccount[]) => accounts.map((a) => ({ id: a.id, label: `${a.code} · ${a.name}` }));

/**
 * The state of a purchase document's lines grid: the lines as typed, the live totals (computed
 * like the API will: prices before tax, the business's rounding), and the API's field errors
 * mapped back to the lines that were sent. `priceField` is what the API calls the price.
 */
export function usePurchaseLines({
  initial,
  currency,
  taxRounding,
  taxRates,
  error,
  headFields,
  priceField,
}: {
  initial: EditorLine[];
  currency: string;
  taxRounding: TaxRounding;
  taxRates: readonly TaxRate[];
  error: unknown;
  headFields: readonly string[];
  priceField: 'unitCost' | 'unitPrice';
}) {
  const { i18n } = useTranslation();
  const defaultTaxRateId = taxRates.find((r) => r.isDefault && r.active)?.id ?? '';
  const [lines, setLines] = useState<EditorLine[]>(() => (initial.length ? initial : [blankLine(defaultTaxRateId)]));
  const [sentKeys, setSentKeys] = useState<string[]>([]);
  const apiField = (field: string) => (field === 'unitPrice' ? priceField : field);
  const errors = useFormErrors(error, [
    ...headFields,
    'lines',
    ...sentKeys.flatMap((_, i) => LINE_FIELDS.map((f) => `lines.${i}.${apiField(f)}`)),
  ]);
  const lineError = (key: string, field: string) => {
    const index = sentKeys.indexOf(key);
    if (index < 0) return undefined;
    // A problem with the order line a bill line comes from is shown on its description.
    const own = errors.field(`lines.${index}.${apiField(field)}`);
    return field === 'description' ? (own ?? errors.field(`lines.${index}.purchaseOrderLineId`)) : own;
  };
  const ratePercent = (id: string) => taxRates.find((r) => r.id === id)?.rate;
  const live = useMemo(
    () => liveTotals({ currency, pricesIncludeTax: false, taxRounding, lines, ratePercent }),
    // ratePercent reads taxRates, which is listed.
    [currency, taxRounding, lines, taxRates],
  );
  const currencies = useMemo(() => {
    const options = currencyOptions(i18n.language);
    return options.some((o) => o.value === currency) ? options : [{ value: currency, label: currency }, ...options];
  }, [i18n.language, currency]);
  /** The lines worth sending; remembers their keys so errors find their way back. */
  const take = () => {
    const sent = lines.filter((l) => !isBlankLine(l) || !!l.purchaseOrderLineId);
    setSentKeys(sent.map((l) => l.key));
    return sent;
  };
  return { lines, setLines, live, lineError, errors, defaultTaxRateId, currencies, take };
}
