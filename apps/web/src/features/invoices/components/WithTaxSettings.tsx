import type { ReactNode } from 'react';
import { ErrorState } from '../../../components/ErrorState';
import { PageSpinner } from '../../../components/Spinner';
import { useBusiness } from '../../businesses/api/get-business';
import { useTaxRates, type TaxRate } from '../../taxes/api/get-tax-rates';

export type TaxSettings = { taxRates: TaxRate[]; pricesIncludeTax: boolean; taxRounding: 'line' | 'document' };

/** Loads what a document editor prices with (the business's tax rules and rates) before showing it. */
export function WithTaxSettings({ businessId, children }: { businessId: string; children: (settings: TaxSettings) => ReactNode }) {
  const business = useBusiness(businessId);
  const taxRates = useTaxRates(businessId, 'any');
  if (business.isPending || taxRates.isPending) return <PageSpinner />;
  if (business.isError) return <ErrorState error={business.error} onRetry={() => void business.refetch()} />;
  if (taxRates.isError) return <ErrorState error={taxRates.error} onRetry={() => void taxRates.refetch()} />;
  return children({ taxRates: taxRates.data.items, pricesIncludeTax: business.data.pricesIncludeTax, taxRounding: business.data.taxRounding });
}
