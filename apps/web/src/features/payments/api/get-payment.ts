import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';
import { paymentsQueryKey } from './get-payments';

export type Payment = ResponseBody<'/api/businesses/{businessId}/payments/{paymentId}', 'get'>;

export const paymentQueryKey = (businessId: string, paymentId: string) => [...paymentsQueryKey(businessId), 'detail', paymentId] as const;

export const paymentQueryOptions = (businessId: string, paymentId: string) =>
  queryOptions({
    queryKey: paymentQueryKey(businessId, paymentId),
    queryFn: ({ signal }) =>
      request(api.GET('/api/businesses/{businessId}/payments/{paymentId}', { params: { path: { businessId, paymentId } }, signal })),
  });

export function usePayment(businessId: string, paymentId: string) {
  return useQuery(paymentQueryOptions(businessId, paymentId));
}
