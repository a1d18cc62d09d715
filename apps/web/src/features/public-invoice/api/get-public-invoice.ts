import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, isApiError, request, type ResponseBody } from '../../../lib/api';

export type PublicInvoice = ResponseBody<'/api/public/invoices/{token}', 'get'>;

export const publicInvoiceQueryOptions = (token: string) =>
  queryOptions({
    queryKey: ['public-invoice', token],
    queryFn: ({ signal }) => request(api.GET('/api/public/invoices/{token}', { params: { path: { token } }, signal })),
    // A missing link stays missing; retrying only delays the message.
    retry: (count, error) => !isApiError(error, 'NOT_FOUND') && count < 2,
  });

export function usePublicInvoice(token: string) {
  return useQuery(publicInvoiceQueryOptions(token));
}
