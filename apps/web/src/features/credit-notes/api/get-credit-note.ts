import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';
import { creditNotesQueryKey } from './get-credit-notes';

export type CreditNote = ResponseBody<'/api/businesses/{businessId}/credit-notes/{creditNoteId}', 'get'>;

export const creditNoteQueryKey = (businessId: string, creditNoteId: string) =>
  [...creditNotesQueryKey(businessId), 'detail', creditNoteId] as const;

export const creditNoteQueryOptions = (businessId: string, creditNoteId: string) =>
  queryOptions({
    queryKey: creditNoteQueryKey(businessId, creditNoteId),
    queryFn: ({ signal }) =>
      request(
        api.GET('/api/businesses/{businessId}/credit-notes/{creditNoteId}', { params: { path: { businessId, creditNoteId } }, signal }),
      ),
  });

export function useCreditNote(businessId: string, creditNoteId: string) {
  return useQuery(creditNoteQueryOptions(businessId, creditNoteId));
}
