import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';
import { inventoryKey } from './keys';

export type StockLevel = ResponseBody<'/api/businesses/{businessId}/stock/levels', 'get'>['items'][number];
export type StockLevelFilter = 'in_stock' | 'all' | 'negative';
export type StockLevelFilters = { locationId: string; q: string; filter: StockLevelFilter };

export const STOCK_PAGE_SIZE = 25;

export const stockLevelsQueryOptions = (businessId: string, f: StockLevelFilters, cursor?: string) =>
  queryOptions({
    queryKey: [...inventoryKey(businessId), 'levels', { ...f, cursor: cursor ?? null }],
    queryFn: ({ signal }) =>
      request(
        api.GET('/api/businesses/{businessId}/stock/levels', {
          params: {
            path: { businessId },
            query: {
              limit: STOCK_PAGE_SIZE,
              filter: f.filter,
              ...(f.locationId ? { locationId: f.locationId } : {}),
              ...(f.q.trim() ? { q: f.q.trim() } : {}),
              ...(cursor ? { cursor } : {}),
            },
          },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });

export function useStockLevels(businessId: string, f: StockLevelFilters, cursor?: string) {
  return useQuery(stockLevelsQueryOptions(businessId, f, cursor));
}
