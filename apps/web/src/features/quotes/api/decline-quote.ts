import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api';
import { quoteQueryKey } from './get-quote';
import { quotesQueryKey } from './get-quotes';

export function useDeclineQuote(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ quoteId, reason }: { quoteId: string; reason: string }) =>
      request(
        api.POST('/api/businesses/{businessId}/quotes/{quoteId}/decline', {
          params: { path: { businessId, quoteId } },
          body: reason ? { reason } : {},
        }),
      ),
    onSuccess: (quote) => {
      queryClient.setQueryData(quoteQueryKey(businessId, quote.id), quote);
      void queryClient.invalidateQueries({ queryKey: quotesQueryKey(businessId) });
    },
  });
}
