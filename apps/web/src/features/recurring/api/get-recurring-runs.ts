import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';
import { recurringInvoiceQueryKey } from './get-recurring-invoice';

export type RecurringRun = ResponseBody<'/api/businesses/{businessId}/recurring-invoices/{templateId}/invoices', 'get'>['items'][number];

export const RUNS_PAGE_SIZE = 12;

export const recurringRunsQueryOptions = (businessId: string, templateId: string, cursor?: string) =>
  queryOptions({
    queryKey: [...recurringInvoiceQueryKey(businessId, templateId), 'invoices', { cursor: cursor ?? null }],
    queryFn: ({ signal }) =>
      request(
        api.GET('/api/businesses/{businessId}/recurring-invoices/{templateId}/invoices', {
          params: { path: { businessId, templateId }, query: { limit: RUNS_PAGE_SIZE, ...(cursor ? { cursor } : {}) } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });

/** The invoices a recurring invoice created, newest first. */
export function useRecurringRuns(businessId: string, templateId: string, cursor?: string) {
  return useQuery(recurringRunsQueryOptions(businessId, templateId, cursor));
}
