import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request, type RequestBody } from '../../../lib/api';
import { creditNoteQueryKey } from './get-credit-note';
import { creditNotesQueryKey } from './get-credit-notes';

export type CreateCreditNoteInput = RequestBody<'/api/businesses/{businessId}/credit-notes', 'post'>;

/** Crediting lowers the invoice's balance, so invoices are refreshed too. */
export function useCreateCreditNote(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCreditNoteInput) =>
      request(api.POST('/api/businesses/{businessId}/credit-notes', { params: { path: { businessId } }, body })),
    onSuccess: (note) => {
      queryClient.setQueryData(creditNoteQueryKey(businessId, note.id), note);
      void queryClient.invalidateQueries({ queryKey: creditNotesQueryKey(businessId) });
      void queryClient.invalidateQueries({ queryKey: [businessId, 'invoices'] });
    },
  });
}
