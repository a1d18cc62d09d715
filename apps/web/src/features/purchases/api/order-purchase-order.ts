import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api';
import { purchaseOrderQueryKey } from './get-purchase-order';
import { purchaseOrdersQueryKey } from './purchases-keys';

/** Places a draft with the supplier: numbers it and fixes its exchange rate. */
export function useOrderPurchaseOrder(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ purchaseOrderId, exchangeRate }: { purchaseOrderId: string; exchangeRate?: string }) =>
      request(
        api.POST('/api/businesses/{businessId}/purchase-orders/{purchaseOrderId}/order', {
          params: { path: { businessId, purchaseOrderId } },
          body: exchangeRate ? { exchangeRate } : {},
        }),
      ),
    onSuccess: (order) => {
      queryClient.setQueryData(purchaseOrderQueryKey(businessId, order.id), order);
      void queryClient.invalidateQueries({ queryKey: purchaseOrdersQueryKey(businessId) });
    },
  });
}
