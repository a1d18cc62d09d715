import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';
import { payablesQueryKey } from './purchases-keys';

export type Payable = ResponseBody<'/api/businesses/{businessId}/payables', 'get'>['items'][number];

/** What is owed to a supplier in a currency: open bills and expenses on account, oldest due first. */
export const payablesQueryOptions = (businessId: string, contactId: string, currency: string) =>
  queryOptions({
    queryKey: [...payablesQueryKey(businessId), { contactId, currency }],
    queryFn: ({ signal }) =>
      request(api.GET('/api/businesses/{businessId}/payables', { params: { path: { businessId }, query: { contactId, currency } }, signal })),
    enabled: contactId !== '',
  });

export function usePayables(businessId: string, contactId: string, currency: string) {
  return useQuery(payablesQueryOptions(businessId, contactId, currency));
}
