import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request, type RequestBody } from '../../../lib/api';
import { inventoryKey } from './keys';

export type ConvertInput = RequestBody<'/api/businesses/{businessId}/reorder-suggestions/{suggestionId}/convert', 'post'>;

/** One click: the suggestion becomes a draft purchase order. */
export function useConvertReorderSuggestion(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ suggestionId, body }: { suggestionId: string; body: ConvertInput }) =>
      request(
        api.POST('/api/businesses/{businessId}/reorder-suggestions/{suggestionId}/convert', {
          params: { path: { businessId, suggestionId } },
          body,
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: [...inventoryKey(businessId), 'reorder-suggestions'] });
      void queryClient.invalidateQueries({ queryKey: [businessId, 'purchase-orders'] });
    },
  });
}
