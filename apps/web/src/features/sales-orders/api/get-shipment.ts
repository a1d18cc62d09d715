import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, request } from '../../../lib/api';
import { salesOrdersQueryKey } from './get-sales-orders';

export const shipmentQueryOptions = (businessId: string, shipmentId: string) =>
  queryOptions({
    queryKey: [...salesOrdersQueryKey(businessId), 'shipment', shipmentId],
    queryFn: ({ signal }) =>
      request(api.GET('/api/businesses/{businessId}/shipments/{shipmentId}', { params: { path: { businessId, shipmentId } }, signal })),
  });

export function useShipment(businessId: string, shipmentId: string) {
  return useQuery(shipmentQueryOptions(businessId, shipmentId));
}
