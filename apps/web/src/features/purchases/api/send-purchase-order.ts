import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request, type RequestBody } from '../../../lib/api';
import { purchaseOrderQueryKey } from './get-purchase-order';
import { purchaseOrdersQueryKey } from './purchases-keys';

export type SendPurchaseOrderInput = RequestBody<'/api/businesses/{businessId}/purchase-orders/{purchaseOrderId}/send', 'post'>;

/** Emails the order to the supplier (placing a draft first). */
export function useSendPurchaseOrder(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ purchaseOrderId, body }: { purchaseOrderId: string; body: SendPurchaseOrderInput }) =>
      request(api.POST('/api/businesses/{businessId}/purchase-orders/{purchaseOrderId}/send', { params: { path: { businessId, purchaseOrderId } }, body })),
    onSuccess: (order) => {
      queryClient.setQueryData(purchaseOrderQueryKey(businessId, order.id), order);
      void queryClient.invalidateQueries({ queryKey: purchaseOrdersQueryKey(businessId) });
    },
  });
}
