import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';

export type CreditNotesPage = ResponseBody<'/api/businesses/{businessId}/credit-notes', 'get'>;
export type CreditNoteSummary = CreditNotesPage['items'][number];
export type CreditNoteFilters = { invoiceId: string; contactId: string };

export const CREDIT_NOTES_PAGE_SIZE = 25;

export const creditNotesQueryKey = (businessId: string) => [businessId, 'credit-notes'] as const;

/** The list's filters as query parameters, shared with the CSV export so the file holds what the list shows. */
export function creditNoteFilterQuery(filters: CreditNoteFilters) {
  return {
    ...(filters.invoiceId ? { invoiceId: filters.invoiceId } : {}),
    ...(filters.contactId ? { contactId: filters.contactId } : {}),
  };
}

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
              ...creditNoteFilterQuery(filters),
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
