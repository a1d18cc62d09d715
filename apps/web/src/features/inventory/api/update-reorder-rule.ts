import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request, type RequestBody } from '../../../lib/api';
import { inventoryKey } from './keys';

export type ReorderRuleChanges = RequestBody<'/api/businesses/{businessId}/reorder-rules/{ruleId}', 'patch'>;

export function useUpdateReorderRule(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ ruleId, body }: { ruleId: string; body: ReorderRuleChanges }) =>
      request(api.PATCH('/api/businesses/{businessId}/reorder-rules/{ruleId}', { params: { path: { businessId, ruleId } }, body })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: inventoryKey(businessId) });
      void queryClient.invalidateQueries({ queryKey: [businessId, 'notifications'] });
    },
  });
}
