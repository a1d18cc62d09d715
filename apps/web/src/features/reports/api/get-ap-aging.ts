import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';
import { reportsQueryKey } from './reports-key';

export type ApAging = ResponseBody<'/api/businesses/{businessId}/reports/ap-aging', 'get'>;
export type ApAgingParams = { asOf: string };

export const apAgingQueryOptions = (businessId: string, params: ApAgingParams) =>
  queryOptions({
    queryKey: [...reportsQueryKey(businessId), 'reports/ap-aging', params],
    queryFn: ({ signal }) =>
      request(api.GET('/api/businesses/{businessId}/reports/ap-aging', { params: { path: { businessId }, query: params }, signal })),
    placeholderData: keepPreviousData,
  });

export function useApAging(businessId: string, params: ApAgingParams) {
  return useQuery(apAgingQueryOptions(businessId, params));
}
