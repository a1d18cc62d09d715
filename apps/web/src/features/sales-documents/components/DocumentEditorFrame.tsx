import type { ReactNode } from 'react';
import type { TaxRounding } from '@keeper/invoicing';
import { ErrorState } from '../../../components/ErrorState';
import { PageSpinner } from '../../../components/Spinner';
import { useBusiness } from '../../businesses/api/get-business';
import { useTaxRates, type TaxRate } from '../../taxes/api/get-tax-rates';

export type EditorContext = { taxRates: TaxRate[]; pricesIncludeTax: boolean; taxRounding: TaxRounding };

/**
 * Loads what a document editor needs before it can show live totals: the business's tax rules and
 * its tax rates. A saved document keeps the rules it was written under (`stored`).
 */
export function DocumentEditorFrame({
  businessId,
  stored,
  children,
}: {
  businessId: string;
  stored?: { pricesIncludeTax: boolean; taxRounding: string };
  children: (ctx: EditorContext) => ReactNode;
}) {
  const business = useBusiness(businessId);
  const taxRates = useTaxRates(businessId, 'any');
  if (business.isPending || taxRates.isPending) return <PageSpinner />;
  if (business.isError) return <ErrorState error={business.error} onRetry={() => void business.refetch()} />;
  if (taxRates.isError) return <ErrorState error={taxRates.error} onRetry={() => void taxRates.refetch()} />;
  return (
    <>
      {children({
        taxRates: taxRates.data.items,
        pricesIncludeTax: stored?.pricesIncludeTax ?? business.data.pricesIncludeTax,
        taxRounding: (stored?.taxRounding ?? business.data.taxRounding) as TaxRounding,
      })}
    </>
  );
}
