import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';

export type AccountLedger = ResponseBody<'/api/businesses/{businessId}/ledger/accounts/{accountId}', 'get'>;

export const ledgerQueryKey = (businessId: string) => [businessId, 'ledger'] as const;

export const accountLedgerQueryOptions = (businessId: string, accountId: string, range: { from: string; to: string }, cursor?: string) =>
  queryOptions({
    queryKey: [...ledgerQueryKey(businessId), accountId, { ...range, cursor: cursor ?? null }],
    queryFn: ({ signal }) =>
      request(
        api.GET('/api/businesses/{businessId}/ledger/accounts/{accountId}', {
          params: {
            path: { businessId, accountId },
            query: { limit: 50, ...(range.from ? { from: range.from } : {}), ...(range.to ? { to: range.to } : {}), ...(cursor ? { cursor } : {}) },
          },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });

export function useAccountLedger(businessId: string, accountId: string, range: { from: string; to: string }, cursor?: string) {
  return useQuery(accountLedgerQueryOptions(businessId, accountId, range, cursor));
}
