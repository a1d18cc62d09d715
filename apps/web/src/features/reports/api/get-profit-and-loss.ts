import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';
import { reportsQueryKey } from './reports-key';

export type ProfitAndLoss = ResponseBody<'/api/businesses/{businessId}/reports/profit-and-loss', 'get'>;
export type ProfitAndLossParams = { from: string; to: string; compare?: 'previous-period' };

export const profitAndLossQueryOptions = (businessId: string, params: ProfitAndLossParams) =>
  queryOptions({
    queryKey: [...reportsQueryKey(businessId), 'reports/profit-and-loss', params],
    queryFn: ({ signal }) =>
      request(api.GET('/api/businesses/{businessId}/reports/profit-and-loss', { params: { path: { businessId }, query: params }, signal })),
    placeholderData: keepPreviousData,
  });

export function useProfitAndLoss(businessId: string, params: ProfitAndLossParams) {
  return useQuery(profitAndLossQueryOptions(businessId, params));
}
