import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api';
import { purchaseOrderQueryKey } from './get-purchase-order';
import { purchaseOrdersQueryKey } from './purchases-keys';

/** Closes (nothing more expected) or cancels (nothing received or billed) an ordered purchase order. */
export function useEndPurchaseOrder(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ purchaseOrderId, action, reason }: { purchaseOrderId: string; action: 'close' | 'cancel'; reason: string }) =>
      request(
        action === 'close'
          ? api.POST('/api/businesses/{businessId}/purchase-orders/{purchaseOrderId}/close', { params: { path: { businessId, purchaseOrderId } }, body: { reason } })
          : api.POST('/api/businesses/{businessId}/purchase-orders/{purchaseOrderId}/cancel', { params: { path: { businessId, purchaseOrderId } }, body: { reason } }),
      ),
    onSuccess: (order) => {
      queryClient.setQueryData(purchaseOrderQueryKey(businessId, order.id), order);
      void queryClient.invalidateQueries({ queryKey: purchaseOrdersQueryKey(businessId) });
    },
  });
}
