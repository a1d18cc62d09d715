import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request, type RequestBody } from '../../../lib/api';
import { inventoryKey } from './keys';

export type PostCountInput = RequestBody<'/api/businesses/{businessId}/stock-counts/{countId}/post', 'post'>;

/** Posting moves stock: every inventory query may have changed. */
export function usePostStockCount(businessId: string, countId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PostCountInput) =>
      request(api.POST('/api/businesses/{businessId}/stock-counts/{countId}/post', { params: { path: { businessId, countId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inventoryKey(businessId) }),
  });
}
