import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api';
import { purchaseOrdersQueryKey } from './purchases-keys';

export function useDeletePurchaseOrder(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (purchaseOrderId: string) =>
      request(api.DELETE('/api/businesses/{businessId}/purchase-orders/{purchaseOrderId}', { params: { path: { businessId, purchaseOrderId } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: purchaseOrdersQueryKey(businessId) }),
  });
}
