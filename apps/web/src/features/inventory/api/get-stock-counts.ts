import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';
import { inventoryKey } from './keys';

export type StockCount = ResponseBody<'/api/businesses/{businessId}/stock-counts', 'get'>['items'][number];
export type CountStatus = StockCount['status'];
export type CountFilters = { status: CountStatus | ''; locationId: string };

export const stockCountsQueryOptions = (businessId: string, f: CountFilters, cursor?: string) =>
  queryOptions({
    queryKey: [...inventoryKey(businessId), 'counts', { ...f, cursor: cursor ?? null }],
    queryFn: ({ signal }) =>
      request(
        api.GET('/api/businesses/{businessId}/stock-counts', {
          params: {
            path: { businessId },
            query: {
              limit: 25,
              ...(f.status ? { status: f.status } : {}),
              ...(f.locationId ? { locationId: f.locationId } : {}),
              ...(cursor ? { cursor } : {}),
            },
          },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });

export function useStockCounts(businessId: string, f: CountFilters, cursor?: string) {
  return useQuery(stockCountsQueryOptions(businessId, f, cursor));
}
