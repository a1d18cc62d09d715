import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';

export type AccountsList = ResponseBody<'/api/businesses/{businessId}/accounts', 'get'>;
export type Account = AccountsList['items'][number];
export type AccountType = Account['type'];
export type AccountSubtype = Account['subtype'];

export const accountsQueryKey = (businessId: string) => [businessId, 'accounts'] as const;

export const accountsQueryOptions = (businessId: string, includeInactive: boolean) =>
  queryOptions({
    queryKey: [...accountsQueryKey(businessId), { includeInactive }],
    queryFn: ({ signal }) =>
      request(
        api.GET('/api/businesses/{businessId}/accounts', {
          params: { path: { businessId }, query: includeInactive ? { includeInactive: 'true' } : {} },
          signal,
        }),
      ),
  });

export function useAccounts(businessId: string, includeInactive = false) {
  return useQuery(accountsQueryOptions(businessId, includeInactive));
}
