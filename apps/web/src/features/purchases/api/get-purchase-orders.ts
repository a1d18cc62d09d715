import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';
import { filterQuery, purchaseOrdersQueryKey } from './purchases-keys';

export type PurchaseOrdersPage = ResponseBody<'/api/businesses/{businessId}/purchase-orders', 'get'>;
export type PurchaseOrderSummary = PurchaseOrdersPage['items'][number];
export type PurchaseOrderStatus = PurchaseOrderSummary['status'];
export type PurchaseOrderFilters = { q: string; status: PurchaseOrderStatus | 'open' | ''; contactId: string };

export const PURCHASE_ORDERS_PAGE_SIZE = 25;

export const purchaseOrdersQueryOptions = (businessId: string, filters: PurchaseOrderFilters, cursor?: string) =>
  queryOptions({
    queryKey: [...purchaseOrdersQueryKey(businessId), 'list', { ...filters, cursor: cursor ?? null }],
    queryFn: ({ signal }) =>
      request(
        api.GET('/api/businesses/{businessId}/purchase-orders', {
          params: {
            path: { businessId },
            query: { limit: PURCHASE_ORDERS_PAGE_SIZE, ...(cursor ? { cursor } : {}), ...filterQuery(filters) },
          },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });

export function usePurchaseOrders(businessId: string, filters: PurchaseOrderFilters, cursor?: string) {
  return useQuery(purchaseOrdersQueryOptions(businessId, filters, cursor));
}
