import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';
import { inventoryKey } from './keys';

export type ReorderRule = ResponseBody<'/api/businesses/{businessId}/reorder-rules', 'get'>['items'][number];
export type RuleFilters = { locationId: string; q: string; state: 'all' | 'low'; productId?: string };

export const reorderRulesQueryOptions = (businessId: string, f: RuleFilters, cursor?: string) =>
  queryOptions({
    queryKey: [...inventoryKey(businessId), 'reorder-rules', { ...f, cursor: cursor ?? null }],
    queryFn: ({ signal }) =>
      request(
        api.GET('/api/businesses/{businessId}/reorder-rules', {
          params: {
            path: { businessId },
            query: {
              limit: 25,
              state: f.state,
              ...(f.locationId ? { locationId: f.locationId } : {}),
              ...(f.productId ? { productId: f.productId } : {}),
              ...(f.q.trim() ? { q: f.q.trim() } : {}),
              ...(cursor ? { cursor } : {}),
            },
          },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });

export function useReorderRules(businessId: string, f: RuleFilters, cursor?: string) {
  return useQuery(reorderRulesQueryOptions(businessId, f, cursor));
}
