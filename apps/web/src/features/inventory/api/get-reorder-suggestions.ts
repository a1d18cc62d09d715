import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';
import { inventoryKey } from './keys';

export type SuggestionPage = ResponseBody<'/api/businesses/{businessId}/reorder-suggestions', 'get'>;
export type ReorderSuggestion = SuggestionPage['items'][number];
export type SuggestionStatus = ReorderSuggestion['status'];

export const reorderSuggestionsQueryOptions = (businessId: string, f: { status: SuggestionStatus; locationId: string }, cursor?: string) =>
  queryOptions({
    queryKey: [...inventoryKey(businessId), 'reorder-suggestions', { ...f, cursor: cursor ?? null }],
    queryFn: ({ signal }) =>
      request(
        api.GET('/api/businesses/{businessId}/reorder-suggestions', {
          params: {
            path: { businessId },
            query: { limit: 25, status: f.status, ...(f.locationId ? { locationId: f.locationId } : {}), ...(cursor ? { cursor } : {}) },
          },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });

export function useReorderSuggestions(businessId: string, f: { status: SuggestionStatus; locationId: string }, cursor?: string) {
  return useQuery(reorderSuggestionsQueryOptions(businessId, f, cursor));
}
