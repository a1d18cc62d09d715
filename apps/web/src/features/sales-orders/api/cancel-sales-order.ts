import { useMutation } from '@tanstack/react-query';
import { api, request } from '../../../lib/api';
import { useOrderChanged } from './order-mutation';

export function useCancelSalesOrder(businessId: string) {
  const changed = useOrderChanged(businessId);
  return useMutation({
    mutationFn: ({ orderId, reason }: { orderId: string; reason: string }) =>
      request(
        api.POST('/api/businesses/{businessId}/sales-orders/{orderId}/cancel', { params: { path: { businessId, orderId } }, body: { reason } }),
      ),
    onSuccess: changed,
  });
}
