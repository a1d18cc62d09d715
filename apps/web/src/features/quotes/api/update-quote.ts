import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api';
import type { QuoteDraftInput } from './create-quote';
import { quoteQueryKey } from './get-quote';
import { quotesQueryKey } from './get-quotes';

/** Replaces a draft; revising a sent or expired quote makes it a draft again. */
export function useUpdateQuote(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ quoteId, body }: { quoteId: string; body: QuoteDraftInput }) =>
      request(api.PATCH('/api/businesses/{businessId}/quotes/{quoteId}', { params: { path: { businessId, quoteId } }, body })),
    onSuccess: (quote) => {
      queryClient.setQueryData(quoteQueryKey(businessId, quote.id), quote);
      void queryClient.invalidateQueries({ queryKey: quotesQueryKey(businessId) });
    },
  });
}
