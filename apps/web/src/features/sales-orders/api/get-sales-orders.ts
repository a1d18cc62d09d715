import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';
import { documentListQuery } from '../../../lib/list-query';

export type SalesOrdersPage = ResponseBody<'/api/businesses/{businessId}/sales-orders', 'get'>;
export type SalesOrderSummary = SalesOrdersPage['items'][number];
export const SALES_ORDER_FILTERS = ['draft', 'open', 'back_ordered', 'to_ship', 'to_invoice', 'completed', 'cancelled'] as const;
export type SalesOrderFilter = (typeof SALES_ORDER_FILTERS)[number];
export type SalesOrderFilters = { q: string; status: SalesOrderFilter | ''; contactId: string };

export const SALES_ORDERS_PAGE_SIZE = 25;

export const salesOrdersQueryKey = (businessId: string) => [businessId, 'sales-orders'] as const;

export const salesOrdersQueryOptions = (businessId: string, filters: SalesOrderFilters, cursor?: string) =>
  queryOptions({
    queryKey: [...salesOrdersQueryKey(businessId), 'list', { ...filters, cursor: cursor ?? null }],
    queryFn: ({ signal }) =>
      request(
        api.GET('/api/businesses/{businessId}/sales-orders', {
          params: {
            path: { businessId },
            query: documentListQuery(filters, SALES_ORDERS_PAGE_SIZE, cursor),
          },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });

export function useSalesOrders(businessId: string, filters: SalesOrderFilters, cursor?: string) {
  return useQuery(salesOrdersQueryOptions(businessId, filters, cursor));
}
