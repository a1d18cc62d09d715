import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api';
import { billQueryKey } from './get-bill';
import { billsQueryKey, purchaseOrdersQueryKey } from './purchases-keys';

/** A draft bill for what an order received and is not billed yet. */
export function useCreateBillFromOrder(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (purchaseOrderId: string) =>
      request(api.POST('/api/businesses/{businessId}/bills/from-purchase-order', { params: { path: { businessId } }, body: { purchaseOrderId } })),
    onSuccess: (bill) => {
      queryClient.setQueryData(billQueryKey(businessId, bill.id), bill);
      void queryClient.invalidateQueries({ queryKey: billsQueryKey(businessId) });
      void queryClient.invalidateQueries({ queryKey: purchaseOrdersQueryKey(businessId) });
    },
  });
}
