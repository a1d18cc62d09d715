import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api';
import type { SalesOrderDraftInput } from './create-sales-order';
import { salesOrderQueryKey } from './get-sales-order';
import { salesOrdersQueryKey } from './get-sales-orders';

export function useUpdateSalesOrder(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ orderId, body }: { orderId: string; body: SalesOrderDraftInput }) =>
      request(api.PATCH('/api/businesses/{businessId}/sales-orders/{orderId}', { params: { path: { businessId, orderId } }, body })),
    onSuccess: (order) => {
      queryClient.setQueryData(salesOrderQueryKey(businessId, order.id), order);
      void queryClient.invalidateQueries({ queryKey: salesOrdersQueryKey(businessId) });
    },
  });
}
