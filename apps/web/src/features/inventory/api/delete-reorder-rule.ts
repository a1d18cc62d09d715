import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api';
import { inventoryKey } from './keys';

export function useDeleteReorderRule(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ruleId: string) =>
      request(api.DELETE('/api/businesses/{businessId}/reorder-rules/{ruleId}', { params: { path: { businessId, ruleId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inventoryKey(businessId) }),
  });
}
