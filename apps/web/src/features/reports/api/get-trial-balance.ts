import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';
import { reportsQueryKey } from './reports-key';

export type TrialBalance = ResponseBody<'/api/businesses/{businessId}/reports/trial-balance', 'get'>;
export type TrialBalanceParams = { asOf: string };

export const trialBalanceQueryOptions = (businessId: string, params: TrialBalanceParams) =>
  queryOptions({
    queryKey: [...reportsQueryKey(businessId), 'reports/trial-balance', params],
    queryFn: ({ signal }) =>
      request(api.GET('/api/businesses/{businessId}/reports/trial-balance', { params: { path: { businessId }, query: params }, signal })),
    placeholderData: keepPreviousData,
  });

export function useTrialBalance(businessId: string, params: TrialBalanceParams) {
  return useQuery(trialBalanceQueryOptions(businessId, params));
}
