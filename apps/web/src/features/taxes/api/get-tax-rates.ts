import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';

export type TaxRate = ResponseBody<'/api/businesses/{businessId}/tax-rates', 'get'>['items'][number];
export type TaxRateStatus = 'true' | 'false' | 'any';

export const taxRatesQueryKey = (businessId: string) => [businessId, 'tax-rates'] as const;

// A business has a handful of rates, so the API returns them all at once (no pages).
export const taxRatesQueryOptions = (businessId: string, active: TaxRateStatus = 'true') =>
  queryOptions({
    queryKey: [...taxRatesQueryKey(businessId), { active }],
    queryFn: ({ signal }) =>
      request(api.GET('/api/businesses/{businessId}/tax-rates', { params: { path: { businessId }, query: { active } }, signal })),
  });

export function useTaxRates(businessId: string, active: TaxRateStatus = 'true') {
  return useQuery(taxRatesQueryOptions(businessId, active));
}
