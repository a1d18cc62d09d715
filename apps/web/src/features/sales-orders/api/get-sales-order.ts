import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';
import { salesOrdersQueryKey } from './get-sales-orders';

export type SalesOrder = ResponseBody<'/api/businesses/{businessId}/sales-orders/{orderId}', 'get'>;
export type SalesOrderLine = SalesOrder['lines'][number];
export type Shipment = SalesOrder['shipments'][number];

export const salesOrderQueryKey = (businessId: string, orderId: string) => [...salesOrdersQueryKey(businessId), 'detail', orderId] as const;

export const salesOrderQueryOptions = (businessId: string, orderId: string) =>
  queryOptions({
    queryKey: salesOrderQueryKey(businessId, orderId),
    queryFn: ({ signal }) =>
      request(api.GET('/api/businesses/{businessId}/sales-orders/{orderId}', { params: { path: { businessId, orderId } }, signal })),
  });

export function useSalesOrder(businessId: string, orderId: string) {
  return useQuery(salesOrderQueryOptions(businessId, orderId));
}
