import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';

export type RecurringInvoicesPage = ResponseBody<'/api/businesses/{businessId}/recurring-invoices', 'get'>;
export type RecurringInvoiceSummary = RecurringInvoicesPage['items'][number];
export type RecurringStatus = RecurringInvoiceSummary['status'];
export type RecurringStatusFilter = RecurringStatus | '';

export const RECURRING_PAGE_SIZE = 25;

export const recurringInvoicesQueryKey = (businessId: string) => [businessId, 'recurring-invoices'] as const;

export const recurringInvoicesQueryOptions = (businessId: string, status: RecurringStatusFilter, cursor?: string) =>
  queryOptions({
    queryKey: [...recurringInvoicesQueryKey(businessId), 'list', { status, cursor: cursor ?? null }],
    queryFn: ({ signal }) =>
      request(
        api.GET('/api/businesses/{businessId}/recurring-invoices', {
          params: {
            path: { businessId },
            query: { limit: RECURRING_PAGE_SIZE, ...(cursor ? { cursor } : {}), ...(status ? { status } : {}) },
          },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });

export function useRecurringInvoices(businessId: string, status: RecurringStatusFilter, cursor?: string) {
  return useQuery(recurringInvoicesQueryOptions(businessId, status, cursor));
}
