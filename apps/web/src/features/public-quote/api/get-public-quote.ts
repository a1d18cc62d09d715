import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, isApiError, request, type ResponseBody } from '../../../lib/api';

export type PublicQuote = ResponseBody<'/api/public/quotes/{token}', 'get'>;

export const publicQuoteQueryOptions = (token: string) =>
  queryOptions({
    queryKey: ['public-quote', token],
    queryFn: ({ signal }) => request(api.GET('/api/public/quotes/{token}', { params: { path: { token } }, signal })),
    // A missing link stays missing; retrying only delays the message.
    retry: (count, error) => !isApiError(error, 'NOT_FOUND') && count < 2,
  });

export function usePublicQuote(token: string) {
  return useQuery(publicQuoteQueryOptions(token));
}
