import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';
import { recurringInvoicesQueryKey } from './get-recurring-invoices';

export type RecurringInvoice = ResponseBody<'/api/businesses/{businessId}/recurring-invoices/{templateId}', 'get'>;

export const recurringInvoiceQueryKey = (businessId: string, templateId: string) =>
  [...recurringInvoicesQueryKey(businessId), 'detail', templateId] as const;

export const recurringInvoiceQueryOptions = (businessId: string, templateId: string) =>
  queryOptions({
    queryKey: recurringInvoiceQueryKey(businessId, templateId),
    queryFn: ({ signal }) =>
      request(
        api.GET('/api/businesses/{businessId}/recurring-invoices/{templateId}', {
          params: { path: { businessId, templateId } },
          signal,
        }),
      ),
  });

export function useRecurringInvoice(businessId: string, templateId: string) {
  return useQuery(recurringInvoiceQueryOptions(businessId, templateId));
}
