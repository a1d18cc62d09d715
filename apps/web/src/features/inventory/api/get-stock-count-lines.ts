import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';
import { stockCountKey } from './get-stock-count';

export type CountLine = ResponseBody<'/api/businesses/{businessId}/stock-counts/{countId}/lines', 'get'>['items'][number];
export type CountLineFilter = 'all' | 'uncounted' | 'counted' | 'differences' | 'drift';
export const COUNT_LINES_PAGE_SIZE = 50;

export const stockCountLinesQueryOptions = (businessId: string, countId: string, f: { filter: CountLineFilter; q: string }, cursor?: string) =>
  queryOptions({
    queryKey: [...stockCountKey(businessId, countId), 'lines', { ...f, cursor: cursor ?? null }],
    queryFn: ({ signal }) =>
      request(
        api.GET('/api/businesses/{businessId}/stock-counts/{countId}/lines', {
          params: {
            path: { businessId, countId },
            query: { limit: COUNT_LINES_PAGE_SIZE, filter: f.filter, ...(f.q.trim() ? { q: f.q.trim() } : {}), ...(cursor ? { cursor } : {}) },
          },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });

export function useStockCountLines(businessId: string, countId: string, f: { filter: CountLineFilter; q: string }, cursor?: string) {
  return useQuery(stockCountLinesQueryOptions(businessId, countId, f, cursor));
}
