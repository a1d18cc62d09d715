import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request, type RequestBody } from '../../../lib/api';
import { paymentQueryKey } from './get-payment';
import { paymentsQueryKey } from './get-payments';

export type RecordPaymentInput = RequestBody<'/api/businesses/{businessId}/payments', 'post'>;

/** Paying settles invoices, so their cached balances and statuses are refreshed too. */
export function useRecordPayment(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordPaymentInput) =>
      request(api.POST('/api/businesses/{businessId}/payments', { params: { path: { businessId } }, body })),
    onSuccess: (payment) => {
      queryClient.setQueryData(paymentQueryKey(businessId, payment.id), payment);
      void queryClient.invalidateQueries({ queryKey: paymentsQueryKey(businessId) });
      void queryClient.invalidateQueries({ queryKey: [businessId, 'invoices'] });
    },
  });
}
