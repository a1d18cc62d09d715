import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';
import { quotesQueryKey } from './get-quotes';

export type Quote = ResponseBody<'/api/businesses/{businessId}/quotes/{quoteId}', 'get'>;

export const quoteQueryKey = (businessId: string, quoteId: string) => [...quotesQueryKey(businessId), 'detail', quoteId] as const;

export const quoteQueryOptions = (businessId: string, quoteId: string) =>
  queryOptions({
    queryKey: quoteQueryKey(businessId, quoteId),
    queryFn: ({ signal }) =>
      request(api.GET('/api/businesses/{businessId}/quotes/{quoteId}', { params: { path: { businessId, quoteId } }, signal })),
  });

export function useQuote(businessId: string, quoteId: string) {
  return useQuery(quoteQueryOptions(businessId, quoteId));
}
