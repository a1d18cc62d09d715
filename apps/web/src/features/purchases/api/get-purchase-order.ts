import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';
import { purchaseOrdersQueryKey } from './purchases-keys';

export type PurchaseOrder = ResponseBody<'/api/businesses/{businessId}/purchase-orders/{purchaseOrderId}', 'get'>;
export type PurchaseOrderLine = PurchaseOrder['lines'][number];

export const purchaseOrderQueryKey = (businessId: string, purchaseOrderId: string) =>
  [...purchaseOrdersQueryKey(businessId), 'detail', purchaseOrderId] as const;

export const purchaseOrderQueryOptions = (businessId: string, purchaseOrderId: string) =>
  queryOptions({
    queryKey: purchaseOrderQueryKey(businessId, purchaseOrderId),
    queryFn: ({ signal }) =>
      request(
        api.GET('/api/businesses/{businessId}/purchase-orders/{purchaseOrderId}', { params: { path: { businessId, purchaseOrderId } }, signal }),
      ),
  });

export function usePurchaseOrder(businessId: string, purchaseOrderId: string) {
  return useQuery(purchaseOrderQueryOptions(businessId, purchaseOrderId));
}
