import { useQueryClient } from '@tanstack/react-query';
import type { SalesOrder } from './get-sales-order';
import { salesOrderQueryKey } from './get-sales-order';
import { salesOrdersQueryKey } from './get-sales-orders';

/** After a change that answers with the order: store it, refresh lists and the stock it moved. */
export function useOrderChanged(businessId: string) {
  const queryClient = useQueryClient();
  return (order: SalesOrder) => {
    queryClient.setQueryData(salesOrderQueryKey(businessId, order.id), order);
    void queryClient.invalidateQueries({ queryKey: salesOrdersQueryKey(businessId) });
    void queryClient.invalidateQueries({ queryKey: [businessId, 'stock'] });
  };
}
