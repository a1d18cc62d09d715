import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request, type RequestBody } from '../../../lib/api';
import { billPaymentQueryKey } from './get-bill-payment';
import { invalidatePurchasing } from './purchases-keys';

export type BillPaymentInput = RequestBody<'/api/businesses/{businessId}/bill-payments', 'post'>;

export function useCreateBillPayment(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BillPaymentInput) => request(api.POST('/api/businesses/{businessId}/bill-payments', { params: { path: { businessId } }, body })),
    onSuccess: (payment) => {
      queryClient.setQueryData(billPaymentQueryKey(businessId, payment.id), payment);
      invalidatePurchasing(queryClient, businessId);
    },
  });
}
