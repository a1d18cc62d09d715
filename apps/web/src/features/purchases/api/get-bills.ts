import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';
import { billsQueryKey, filterQuery } from './purchases-keys';

export type BillsPage = ResponseBody<'/api/businesses/{businessId}/bills', 'get'>;
export type BillSummary = BillsPage['items'][number];
export type BillStatus = BillSummary['status'];
export type BillFilters = { q: string; status: BillStatus | 'overdue' | 'unpaid' | ''; contactId: string };

export const BILLS_PAGE_SIZE = 25;

export const billsQueryOptions = (businessId: string, filters: BillFilters, cursor?: string) =>
  queryOptions({
    queryKey: [...billsQueryKey(businessId), 'list', { ...filters, cursor: cursor ?? null }],
    queryFn: ({ signal }) =>
      request(
        api.GET('/api/businesses/{businessId}/bills', {
          params: { path: { businessId }, query: { limit: BILLS_PAGE_SIZE, ...(cursor ? { cursor } : {}), ...filterQuery(filters) } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });

export function useBills(businessId: string, filters: BillFilters, cursor?: string) {
  return useQuery(billsQueryOptions(businessId, filters, cursor));
}
