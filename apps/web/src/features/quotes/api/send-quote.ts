import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request, type RequestBody } from '../../../lib/api';
import { quotesQueryKey } from './get-quotes';

export type SendQuoteInput = RequestBody<'/api/businesses/{businessId}/quotes/{quoteId}/send', 'post'>;

export function useSendQuote(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ quoteId, body }: { quoteId: string; body: SendQuoteInput }) =>
      request(api.POST('/api/businesses/{businessId}/quotes/{quoteId}/send', { params: { path: { businessId, quoteId } }, body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: quotesQueryKey(businessId) }),
  });
}
