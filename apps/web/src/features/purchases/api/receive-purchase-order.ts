import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request, type RequestBody } from '../../../lib/api';
import { purchaseOrderQueryKey } from './get-purchase-order';
import { invalidatePurchasing } from './purchases-keys';

export type ReceiveInput = RequestBody<'/api/businesses/{businessId}/purchase-orders/{purchaseOrderId}/receipts', 'post'>;

/** Records goods that arrived; they go into stock at the order's cost. */
export function useReceivePurchaseOrder(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ purchaseOrderId, body }: { purchaseOrderId: string; body: ReceiveInput }) =>
      request(api.POST('/api/businesses/{businessId}/purchase-orders/{purchaseOrderId}/receipts', { params: { path: { businessId, purchaseOrderId } }, body })),
    onSuccess: (order) => {
      queryClient.setQueryData(purchaseOrderQueryKey(businessId, order.id), order);
      invalidatePurchasing(queryClient, businessId);
    },
  });
}
