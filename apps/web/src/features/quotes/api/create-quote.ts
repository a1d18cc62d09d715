import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request, type RequestBody } from '../../../lib/api';
import { quoteQueryKey } from './get-quote';
import { quotesQueryKey } from './get-quotes';

export type QuoteDraftInput = RequestBody<'/api/businesses/{businessId}/quotes', 'post'>;

export function useCreateQuote(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: QuoteDraftInput) => request(api.POST('/api/businesses/{businessId}/quotes', { params: { path: { businessId } }, body })),
    onSuccess: (quote) => {
      queryClient.setQueryData(quoteQueryKey(businessId, quote.id), quote);
      void queryClient.invalidateQueries({ queryKey: quotesQueryKey(businessId) });
    },
  });
}
