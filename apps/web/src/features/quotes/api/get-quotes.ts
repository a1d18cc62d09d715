import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';
import { documentListQuery } from '../../../lib/list-query';

export type QuotesPage = ResponseBody<'/api/businesses/{businessId}/quotes', 'get'>;
export type QuoteSummary = QuotesPage['items'][number];
export type QuoteStatus = QuoteSummary['status'];
export type QuoteFilters = { q: string; status: QuoteStatus | ''; contactId: string };

export const QUOTES_PAGE_SIZE = 25;

export const quotesQueryKey = (businessId: string) => [businessId, 'quotes'] as const;

export const quotesQueryOptions = (businessId: string, filters: QuoteFilters, cursor?: string) =>
  queryOptions({
    queryKey: [...quotesQueryKey(businessId), 'list', { ...filters, cursor: cursor ?? null }],
    queryFn: ({ signal }) =>
      request(
        api.GET('/api/businesses/{businessId}/quotes', {
          params: {
            path: { businessId },
            query: documentListQuery(filters, QUOTES_PAGE_SIZE, cursor),
          },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });

export function useQuotes(businessId: string, filters: QuoteFilters, cursor?: string) {
  return useQuery(quotesQueryOptions(businessId, filters, cursor));
}
