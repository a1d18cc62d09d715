import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';

export type JournalPage = ResponseBody<'/api/businesses/{businessId}/journal-entries', 'get'>;
export type JournalEntry = JournalPage['items'][number];
export type JournalFilters = { from: string; to: string; sourceType: string };

export const JOURNAL_PAGE_SIZE = 20;

export const journalQueryKey = (businessId: string) => [businessId, 'journal'] as const;

export const journalQueryOptions = (businessId: string, filters: JournalFilters, cursor?: string) =>
  queryOptions({
    queryKey: [...journalQueryKey(businessId), { ...filters, cursor: cursor ?? null }],
    queryFn: ({ signal }) =>
      request(
        api.GET('/api/businesses/{businessId}/journal-entries', {
          params: {
            path: { businessId },
            query: {
              limit: JOURNAL_PAGE_SIZE,
              ...(cursor ? { cursor } : {}),
              ...(filters.from ? { from: filters.from } : {}),
              ...(filters.to ? { to: filters.to } : {}),
              ...(filters.sourceType ? { sourceType: filters.sourceType } : {}),
            },
          },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });

export function useJournalEntries(businessId: string, filters: JournalFilters, cursor?: string) {
  return useQuery(journalQueryOptions(businessId, filters, cursor));
}
