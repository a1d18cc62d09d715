import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';

export type LenderBusinessesPage = ResponseBody<'/api/lender/businesses', 'get'>;
export type LenderBusiness = LenderBusinessesPage['items'][number];

export const LENDER_BUSINESSES_PAGE_SIZE = 25;

/** Never cached: every load asks again, so a revoked or expired consent disappears on the next one. */
export const lenderBusinessesQueryOptions = (organisationId: string, cursor?: string) =>
  queryOptions({
    queryKey: ['lender', organisationId, 'businesses', { cursor: cursor ?? null }],
    queryFn: ({ signal }) =>
      request(
        api.GET('/api/lender/businesses', {
          params: { query: { organisationId, limit: LENDER_BUSINESSES_PAGE_SIZE, ...(cursor ? { cursor } : {}) } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });

export function useLenderBusinesses(organisationId: string, cursor?: string) {
  return useQuery(lenderBusinessesQueryOptions(organisationId, cursor));
}
