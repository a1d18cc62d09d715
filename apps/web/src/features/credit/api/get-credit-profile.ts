import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';
import { creditQueryKey } from './credit-keys';

export type CreditProfileView = ResponseBody<'/api/businesses/{businessId}/credit-profile', 'get'>;
export type CreditProfile = NonNullable<CreditProfileView['profile']>;
export type CreditReason = CreditProfile['reasons'][number];
export type CreditFactor = CreditProfile['factors'][number];
export type CreditSignals = CreditProfile['signals'];
export type CreditFeatures = CreditProfile['features'];
export type SharedWith = NonNullable<CreditProfileView['sharedWith']>[number];

/** While a recompute is waiting (the books just changed), look again every few seconds until it is done. */
const PENDING_POLL_MS = 3000;

export const creditProfileQueryOptions = (businessId: string) =>
  queryOptions({
    queryKey: [...creditQueryKey(businessId), 'profile'],
    queryFn: ({ signal }) => request(api.GET('/api/businesses/{businessId}/credit-profile', { params: { path: { businessId } }, signal })),
    refetchInterval: (query) => (query.state.data?.status.pending ? PENDING_POLL_MS : false),
  });

export function useCreditProfile(businessId: string) {
  return useQuery(creditProfileQueryOptions(businessId));
}
