import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';
import { inventoryKey } from './keys';

export type Location = ResponseBody<'/api/businesses/{businessId}/locations', 'get'>['items'][number];

export const locationsQueryOptions = (businessId: string, includeArchived = false) =>
  queryOptions({
    queryKey: [...inventoryKey(businessId), 'locations', { includeArchived }],
    queryFn: ({ signal }) =>
      request(
        api.GET('/api/businesses/{businessId}/locations', {
          params: { path: { businessId }, query: includeArchived ? { includeArchived: 'true' } : {} },
          signal,
        }),
      ),
  });

/** Warehouses and shops, the default first (a business has a handful, so no paging). */
export function useLocations(businessId: string, includeArchived = false) {
  return useQuery(locationsQueryOptions(businessId, includeArchived));
}
