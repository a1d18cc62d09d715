import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';

export type CreditNotesPage = ResponseBody<'/api/businesses/{businessId}/credit-notes', 'get'>;
export type CreditNoteSummary = CreditNotesPage['items'][number];
export type CreditNoteFilters = { invoiceId: string; contactId: string };

export const CREDIT_NOTES_PAGE_SIZE = 25;

export const creditNotesQueryKey = (businessId: string) => [businessId, 'credit-notes'] as const;

export const creditNotesQueryOptions = (businessId: string, filters: CreditNoteFilters, cursor?: string) =>
  queryOptions({
    queryKey: [...creditNotesQueryKey(businessId), 'list', { ...filters, cursor: cursor ?? null }],
    queryFn: ({ signal }) =>
      request(
        api.GET('/api/businesses/{businessId}/credit-notes', {
          params: {
            path: { businessId },
            query: {
              limit: CREDIT_NOTES_PAGE_SIZE,
              ...(cursor ? { cursor } : {}),
              ...(filters.invoiceId ? { invoiceId: filters.invoiceId } : {}),
              ...(filters.contactId ? { contactId: filters.contactId } : {}),
            },
          },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });

export function useCreditNotes(businessId: string, filters: CreditNoteFilters, cursor?: string) {
  return useQuery(creditNotesQueryOptions(businessId, filters, cursor));
}
