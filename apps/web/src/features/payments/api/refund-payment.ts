import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request, type RequestBody } from '../../../lib/api';
import { paymentQueryKey } from './get-payment';
import { paymentsQueryKey } from './get-payments';

export type RefundInput = RequestBody<'/api/businesses/{businessId}/payments/{paymentId}/refunds', 'post'>;

/** A refund may take money back from invoices (they reopen), so invoices are refreshed too. */
export function useRefundPayment(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ paymentId, body }: { paymentId: string; body: RefundInput }) =>
      request(api.POST('/api/businesses/{businessId}/payments/{paymentId}/refunds', { params: { path: { businessId, paymentId } }, body })),
    onSuccess: (payment) => {
      queryClient.setQueryData(paymentQueryKey(businessId, payment.id), payment);
      void queryClient.invalidateQueries({ queryKey: paymentsQueryKey(businessId) });
      void queryClient.invalidateQueries({ queryKey: [businessId, 'invoices'] });
    },
  });
}
