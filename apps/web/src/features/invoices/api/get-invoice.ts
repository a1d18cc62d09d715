import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';
import { invoicesQueryKey } from './get-invoices';

export type Invoice = ResponseBody<'/api/businesses/{businessId}/invoices/{invoiceId}', 'get'>;
export type InvoiceLine = Invoice['lines'][number];

export const invoiceQueryKey = (businessId: string, invoiceId: string) =>
  [...invoicesQueryKey(businessId), 'detail', invoiceId] as const;

export const invoiceQueryOptions = (businessId: string, invoiceId: string) =>
  queryOptions({
    queryKey: invoiceQueryKey(businessId, invoiceId),
    queryFn: ({ signal }) =>
      request(
        api.GET('/api/businesses/{businessId}/invoices/{invoiceId}', { params: { path: { businessId, invoiceId } }, signal }),
      ),
  });

export function useInvoice(businessId: string, invoiceId: string) {
  return useQuery(invoiceQueryOptions(businessId, invoiceId));
}
