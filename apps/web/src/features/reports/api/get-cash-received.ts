import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';
import { reportsQueryKey } from './reports-key';

export type CashReceived = ResponseBody<'/api/businesses/{businessId}/reports/cash-received', 'get'>;
export type CashReceivedParams = { from: string; to: string };

export const cashReceivedQueryOptions = (businessId: string, params: CashReceivedParams) =>
  queryOptions({
    queryKey: [...reportsQueryKey(businessId), 'reports/cash-received', params],
    queryFn: ({ signal }) =>
      request(api.GET('/api/businesses/{businessId}/reports/cash-received', { params: { path: { businessId }, query: params }, signal })),
    placeholderData: keepPreviousData,
  });

export function useCashReceived(businessId: string, params: CashReceivedParams) {
  return useQuery(cashReceivedQueryOptions(businessId, params));
}
