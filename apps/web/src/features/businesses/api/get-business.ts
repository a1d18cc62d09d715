import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, request } from '../../../lib/api';

export const businessQueryKey = (businessId: string) => [businessId, 'business'] as const;

export const businessQueryOptions = (businessId: string) =>
  queryOptions({
    queryKey: businessQueryKey(businessId),
    queryFn: ({ signal }) =>
      request(api.GET('/api/businesses/{businessId}', { params: { path: { businessId } }, signal })),
  });

export function useBusiness(businessId: string) {
  return useQuery(businessQueryOptions(businessId));
}
