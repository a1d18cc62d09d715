import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api';
import { quotesQueryKey } from './get-quotes';

export function useDeleteQuote(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (quoteId: string) =>
      request(api.DELETE('/api/businesses/{businessId}/quotes/{quoteId}', { params: { path: { businessId, quoteId } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: quotesQueryKey(businessId) }),
  });
}
