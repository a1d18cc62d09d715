import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request, type RequestBody } from '../../../lib/api';
import { billQueryKey } from './get-bill';
import { billsQueryKey, purchaseOrdersQueryKey } from './purchases-keys';

export type BillDraftInput = RequestBody<'/api/businesses/{businessId}/bills', 'post'>;

/** Creates a draft bill (no id) or replaces one. */
export function useSaveBill(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ billId, body }: { billId?: string; body: BillDraftInput }) =>
      request(
        billId
          ? api.PATCH('/api/businesses/{businessId}/bills/{billId}', { params: { path: { businessId, billId } }, body })
          : api.POST('/api/businesses/{businessId}/bills', { params: { path: { businessId } }, body }),
      ),
    onSuccess: (bill) => {
      queryClient.setQueryData(billQueryKey(businessId, bill.id), bill);
      void queryClient.invalidateQueries({ queryKey: billsQueryKey(businessId) });
      void queryClient.invalidateQueries({ queryKey: purchaseOrdersQueryKey(businessId) });
    },
  });
}
