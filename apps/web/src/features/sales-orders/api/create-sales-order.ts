import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request, type RequestBody } from '../../../lib/api';
import { salesOrderQueryKey } from './get-sales-order';
import { salesOrdersQueryKey } from './get-sales-orders';

export type SalesOrderDraftInput = RequestBody<'/api/businesses/{businessId}/sales-orders', 'post'>;

export function useCreateSalesOrder(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SalesOrderDraftInput) =>
      request(api.POST('/api/businesses/{businessId}/sales-orders', { params: { path: { businessId } }, body })),
    onSuccess: (order) => {
      queryClient.setQueryData(salesOrderQueryKey(businessId, order.id), order);
      void queryClient.invalidateQueries({ queryKey: salesOrdersQueryKey(businessId) });
    },
  });
}
