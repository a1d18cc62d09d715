import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api';
import { billQueryKey } from './get-bill';
import { invalidatePurchasing } from './purchases-keys';

/** Posts a draft bill to the books. */
export function usePostBill(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ billId, exchangeRate }: { billId: string; exchangeRate?: string }) =>
      request(api.POST('/api/businesses/{businessId}/bills/{billId}/post', { params: { path: { businessId, billId } }, body: exchangeRate ? { exchangeRate } : {} })),
    onSuccess: (bill) => {
      queryClient.setQueryData(billQueryKey(businessId, bill.id), bill);
      invalidatePurchasing(queryClient, businessId);
    },
  });
}
