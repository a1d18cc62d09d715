import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api';
import { inventoryKey } from './keys';

export function useDismissReorderSuggestion(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (suggestionId: string) =>
      request(
        api.POST('/api/businesses/{businessId}/reorder-suggestions/{suggestionId}/dismiss', { params: { path: { businessId, suggestionId } } }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...inventoryKey(businessId), 'reorder-suggestions'] }),
  });
}
