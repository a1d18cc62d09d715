import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request, type RequestBody } from '../../../lib/api';
import { paymentQueryKey } from './get-payment';
import { paymentsQueryKey } from './get-payments';

export type ApplyCreditInput = RequestBody<'/api/businesses/{businessId}/payments/{paymentId}/allocations', 'post'>;

export function useApplyCredit(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ paymentId, body }: { paymentId: string; body: ApplyCreditInput }) =>
      request(
        api.POST('/api/businesses/{businessId}/payments/{paymentId}/allocations', { params: { path: { businessId, paymentId } }, body }),
      ),
    onSuccess: (payment) => {
      queryClient.setQueryData(paymentQueryKey(businessId, payment.id), payment);
      void queryClient.invalidateQueries({ queryKey: paymentsQueryKey(businessId) });
      void queryClient.invalidateQueries({ queryKey: [businessId, 'invoices'] });
    },
  });
}
