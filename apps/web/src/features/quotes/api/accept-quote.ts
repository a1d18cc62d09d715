import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api';
import { salesOrdersQueryKey } from '../../sales-orders/api/get-sales-orders';
import { quoteQueryKey } from './get-quote';
import { quotesQueryKey } from './get-quotes';

/** The customer accepted: the quote becomes a sales order (the same one, however often this runs). */
export function useAcceptQuote(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (quoteId: string) =>
      request(api.POST('/api/businesses/{businessId}/quotes/{quoteId}/accept', { params: { path: { businessId, quoteId } } })),
    onSuccess: (quote) => {
      queryClient.setQueryData(quoteQueryKey(businessId, quote.id), quote);
      void queryClient.invalidateQueries({ queryKey: quotesQueryKey(businessId) });
      void queryClient.invalidateQueries({ queryKey: salesOrdersQueryKey(businessId) });
    },
  });
}
