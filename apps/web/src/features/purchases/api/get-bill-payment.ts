import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';
import { billPaymentsQueryKey } from './purchases-keys';

export type BillPayment = ResponseBody<'/api/businesses/{businessId}/bill-payments/{billPaymentId}', 'get'>;

export const billPaymentQueryKey = (businessId: string, billPaymentId: string) => [...billPaymentsQueryKey(businessId), 'detail', billPaymentId] as const;

export const billPaymentQueryOptions = (businessId: string, billPaymentId: string) =>
  queryOptions({
    queryKey: billPaymentQueryKey(businessId, billPaymentId),
    queryFn: ({ signal }) =>
      request(api.GET('/api/businesses/{businessId}/bill-payments/{billPaymentId}', { params: { path: { businessId, billPaymentId } }, signal })),
  });

export function useBillPayment(businessId: string, billPaymentId: string) {
  return useQuery(billPaymentQueryOptions(businessId, billPaymentId));
}
