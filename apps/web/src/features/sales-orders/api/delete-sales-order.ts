import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api';
import { salesOrdersQueryKey } from './get-sales-orders';

export function useDeleteSalesOrder(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (orderId: string) =>
      request(api.DELETE('/api/businesses/{businessId}/sales-orders/{orderId}', { params: { path: { businessId, orderId } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: salesOrdersQueryKey(businessId) }),
  });
}
