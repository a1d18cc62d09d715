import { useMutation } from '@tanstack/react-query';
import { api, request } from '../../../lib/api';
import { useOrderChanged } from './order-mutation';

/** Tries again to reserve stock for the back-ordered lines. */
export function useReserveSalesOrder(businessId: string) {
  const changed = useOrderChanged(businessId);
  return useMutation({
    mutationFn: (orderId: string) =>
      request(api.POST('/api/businesses/{businessId}/sales-orders/{orderId}/reserve', { params: { path: { businessId, orderId } } })),
    onSuccess: changed,
  });
}
