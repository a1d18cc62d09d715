import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';
import { billPaymentsQueryKey, filterQuery } from './purchases-keys';

export type BillPaymentsPage = ResponseBody<'/api/businesses/{businessId}/bill-payments', 'get'>;
export type BillPaymentSummary = BillPaymentsPage['items'][number];
export type BillPaymentFilters = { method: BillPaymentSummary['method'] | ''; status: '' | 'posted' | 'void'; contactId: string; q: string };

export const BILL_PAYMENTS_PAGE_SIZE = 25;

export const billPaymentsQueryOptions = (businessId: string, filters: BillPaymentFilters, cursor?: string) =>
  queryOptions({
    queryKey: [...billPaymentsQueryKey(businessId), 'list', { ...filters, cursor: cursor ?? null }],
    queryFn: ({ signal }) =>
      request(
        api.GET('/api/businesses/{businessId}/bill-payments', {
          params: { path: { businessId }, query: { limit: BILL_PAYMENTS_PAGE_SIZE, ...(cursor ? { cursor } : {}), ...filterQuery(filters) } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });

export function useBillPayments(businessId: string, filters: BillPaymentFilters, cursor?: string) {
  return useQuery(billPaymentsQueryOptions(businessId, filters, cursor));
}
