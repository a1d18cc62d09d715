import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';

export type SpendAccount = ResponseBody<'/api/businesses/{businessId}/spend-accounts', 'get'>['items'][number];

/** The accounts spending can be booked to (expense categories, and assets for bill lines); a handful, all at once. */
export const spendAccountsQueryOptions = (businessId: string) =>
  queryOptions({
    queryKey: [businessId, 'spend-accounts'],
    queryFn: ({ signal }) => request(api.GET('/api/businesses/{businessId}/spend-accounts', { params: { path: { businessId } }, signal })),
    staleTime: 60_000,
  });

export function useSpendAccounts(businessId: string) {
  return useQuery(spendAccountsQueryOptions(businessId));
}
