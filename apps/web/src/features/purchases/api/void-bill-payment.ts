import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api';
import { billPaymentQueryKey } from './get-bill-payment';
import { invalidatePurchasing } from './purchases-keys';

export function useVoidBillPayment(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ billPaymentId, reason }: { billPaymentId: string; reason: string }) =>
      request(api.POST('/api/businesses/{businessId}/bill-payments/{billPaymentId}/void', { params: { path: { businessId, billPaymentId } }, body: { reason } })),
    onSuccess: (payment) => {
      queryClient.setQueryData(billPaymentQueryKey(businessId, payment.id), payment);
      invalidatePurchasing(queryClient, businessId);
    },
  });
}
