import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api';
import { billQueryKey } from './get-bill';
import { invalidatePurchasing } from './purchases-keys';

export function useVoidBill(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ billId, reason }: { billId: string; reason: string }) =>
      request(api.POST('/api/businesses/{businessId}/bills/{billId}/void', { params: { path: { businessId, billId } }, body: { reason } })),
    onSuccess: (bill) => {
      queryClient.setQueryData(billQueryKey(businessId, bill.id), bill);
      invalidatePurchasing(queryClient, businessId);
    },
  });
}
