import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request, type RequestBody } from '../../../lib/api';
import { purchaseOrderQueryKey } from './get-purchase-order';
import { purchaseOrdersQueryKey } from './purchases-keys';

export type PurchaseOrderDraftInput = RequestBody<'/api/businesses/{businessId}/purchase-orders', 'post'>;

/** Creates a draft (no id) or replaces one. */
export function useSavePurchaseOrder(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ purchaseOrderId, body }: { purchaseOrderId?: string; body: PurchaseOrderDraftInput }) =>
      request(
        purchaseOrderId
          ? api.PATCH('/api/businesses/{businessId}/purchase-orders/{purchaseOrderId}', { params: { path: { businessId, purchaseOrderId } }, body })
          : api.POST('/api/businesses/{businessId}/purchase-orders', { params: { path: { businessId } }, body }),
      ),
    onSuccess: (order) => {
      queryClient.setQueryData(purchaseOrderQueryKey(businessId, order.id), order);
      void queryClient.invalidateQueries({ queryKey: purchaseOrdersQueryKey(businessId) });
    },
  });
}
