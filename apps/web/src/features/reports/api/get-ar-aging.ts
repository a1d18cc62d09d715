import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';
import { reportsQueryKey } from './reports-key';

export type ArAging = ResponseBody<'/api/businesses/{businessId}/reports/ar-aging', 'get'>;
export type ArAgingParams = { asOf: string };

export const arAgingQueryOptions = (businessId: string, params: ArAgingParams) =>
  queryOptions({
    queryKey: [...reportsQueryKey(businessId), 'reports/ar-aging', params],
    queryFn: ({ signal }) =>
      request(api.GET('/api/businesses/{businessId}/reports/ar-aging', { params: { path: { businessId }, query: params }, signal })),
    placeholderData: keepPreviousData,
  });

export function useArAging(businessId: string, params: ArAgingParams) {
  return useQuery(arAgingQueryOptions(businessId, params));
}
