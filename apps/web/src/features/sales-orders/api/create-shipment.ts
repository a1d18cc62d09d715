import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request, type RequestBody } from '../../../lib/api';
import { salesOrderQueryKey } from './get-sales-order';
import { salesOrdersQueryKey } from './get-sales-orders';

export type ShipmentInput = RequestBody<'/api/businesses/{businessId}/sales-orders/{orderId}/shipments', 'post'>;

export function useCreateShipment(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ orderId, body }: { orderId: string; body: ShipmentInput }) =>
      request(api.POST('/api/businesses/{businessId}/sales-orders/{orderId}/shipments', { params: { path: { businessId, orderId } }, body })),
    onSuccess: (shipment) => {
      void queryClient.invalidateQueries({ queryKey: salesOrderQueryKey(businessId, shipment.order.id) });
      void queryClient.invalidateQueries({ queryKey: salesOrdersQueryKey(businessId) });
      void queryClient.invalidateQueries({ queryKey: [businessId, 'stock'] });
    },
  });
}
