import { useMutation } from '@tanstack/react-query';
import { api, request } from '../../../lib/api';
import { useOrderChanged } from './order-mutation';

/** Confirms and reserves stock; lines short of stock come back back-ordered. */
export function useConfirmSalesOrder(businessId: string) {
  const changed = useOrderChanged(businessId);
  return useMutation({
    mutationFn: (orderId: string) =>
      request(api.POST('/api/businesses/{businessId}/sales-orders/{orderId}/confirm', { params: { path: { businessId, orderId } } })),
    onSuccess: changed,
  });
}
