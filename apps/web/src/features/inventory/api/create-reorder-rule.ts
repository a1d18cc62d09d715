import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request, type RequestBody } from '../../../lib/api';
import { inventoryKey } from './keys';

export type ReorderRuleInput = RequestBody<'/api/businesses/{businessId}/reorder-rules', 'post'>;

/** A rule set below current stock raises its alert at once, so suggestions and the bell refresh too. */
export function useCreateReorderRule(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReorderRuleInput) => request(api.POST('/api/businesses/{businessId}/reorder-rules', { params: { path: { businessId } }, body })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: inventoryKey(businessId) });
      void queryClient.invalidateQueries({ queryKey: [businessId, 'notifications'] });
    },
  });
}
