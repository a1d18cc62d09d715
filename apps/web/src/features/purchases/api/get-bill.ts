import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';
import { billsQueryKey } from './purchases-keys';

export type Bill = ResponseBody<'/api/businesses/{businessId}/bills/{billId}', 'get'>;

export const billQueryKey = (businessId: string, billId: string) => [...billsQueryKey(businessId), 'detail', billId] as const;

export const billQueryOptions = (businessId: string, billId: string) =>
  queryOptions({
    queryKey: billQueryKey(businessId, billId),
    queryFn: ({ signal }) => request(api.GET('/api/businesses/{businessId}/bills/{billId}', { params: { path: { businessId, billId } }, signal })),
  });

export function useBill(businessId: string, billId: string) {
  return useQuery(billQueryOptions(businessId, billId));
}
