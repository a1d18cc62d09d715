import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';
import { reportsQueryKey } from './reports-key';

export type BalanceSheet = ResponseBody<'/api/businesses/{businessId}/reports/balance-sheet', 'get'>;
export type BalanceSheetParams = { asOf: string };

export const balanceSheetQueryOptions = (businessId: string, params: BalanceSheetParams) =>
  queryOptions({
    queryKey: [...reportsQueryKey(businessId), 'reports/balance-sheet', params],
    queryFn: ({ signal }) =>
      request(api.GET('/api/businesses/{businessId}/reports/balance-sheet', { params: { path: { businessId }, query: params }, signal })),
    placeholderData: keepPreviousData,
  });

export function useBalanceSheet(businessId: string, params: BalanceSheetParams) {
  return useQuery(balanceSheetQueryOptions(businessId, params));
}
