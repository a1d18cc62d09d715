import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';
import { inventoryKey } from './keys';

export type Valuation = ResponseBody<'/api/businesses/{businessId}/stock/valuation', 'get'>;

export const valuationQueryOptions = (businessId: string, asOf: string, locationId: string) =>
  queryOptions({
    queryKey: [...inventoryKey(businessId), 'valuation', { asOf, locationId }],
    queryFn: ({ signal }) =>
      request(
        api.GET('/api/businesses/{businessId}/stock/valuation', {
          params: { path: { businessId }, query: { ...(asOf ? { asOf } : {}), ...(locationId ? { locationId } : {}) } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });

/** Stock value per product as of a day, next to the inventory account of the ledger. */
export function useValuation(businessId: string, asOf: string, locationId: string) {
  return useQuery(valuationQueryOptions(businessId, asOf, locationId));
}
