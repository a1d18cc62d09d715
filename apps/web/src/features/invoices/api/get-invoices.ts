import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';

export type InvoicesPage = ResponseBody<'/api/businesses/{businessId}/invoices', 'get'>;
export type InvoiceSummary = InvoicesPage['items'][number];
export type InvoiceStatus = InvoiceSummary['status'];
export type InvoiceStatusFilter = InvoiceStatus | 'overdue' | '';

export type InvoiceFilters = { q: string; status: InvoiceStatusFilter; contactId: string };

export const INVOICES_PAGE_SIZE = 25;

export const invoicesQueryKey = (businessId: string) => [businessId, 'invoices'] as const;

/** The list's filters as query parameters, shared with the CSV export so the file holds what the list shows. */
export function invoiceFilterQuery(filters: InvoiceFilters) {
  return {
    ...(filters.q.trim() ? { q: filters.q.trim() } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.contactId ? { contactId: filters.contactId } : {}),
  };
}

export const invoicesQueryOptions = (businessId: string, filters: InvoiceFilters, cursor?: string) =>
  queryOptions({
    queryKey: [...invoicesQueryKey(businessId), 'list', { ...filters, cursor: cursor ?? null }],
    queryFn: ({ signal }) =>
      request(
        api.GET('/api/businesses/{businessId}/invoices', {
          params: {
            path: { businessId },
            query: {
              limit: INVOICES_PAGE_SIZE,
              ...(cursor ? { cursor } : {}),
              ...invoiceFilterQuery(filters),
            },
          },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });

export function useInvoices(businessId: string, filters: InvoiceFilters, cursor?: string) {
  return useQuery(invoicesQueryOptions(businessId, filters, cursor));
}
