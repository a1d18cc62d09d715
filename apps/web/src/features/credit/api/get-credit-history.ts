import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';
import { creditQueryKey } from './credit-keys';

export type CreditHistory = ResponseBody<'/api/businesses/{businessId}/credit-profile/history', 'get'>;
export type CreditHistoryPoint = CreditHistory['points'][number];

/** `version` is the latest profile's id: a new profile refetches the history. */
export const creditHistoryQueryOptions = (businessId: string, days: number, version: string) =>
  queryOptions({
    queryKey: [...creditQueryKey(businessId), 'history', { days, version }],
    queryFn: ({ signal }) =>
      request(api.GET('/api/businesses/{businessId}/credit-profile/history', { params: { path: { businessId }, query: { days } }, signal })),
    placeholderData: keepPreviousData,
  });

export function useCreditHistory(businessId: string, days: number, version: string) {
  return useQuery(creditHistoryQueryOptions(businessId, days, version));
}
