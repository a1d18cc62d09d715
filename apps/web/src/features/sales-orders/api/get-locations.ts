import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';

export type FulfilmentLocation = ResponseBody<'/api/businesses/{businessId}/locations', 'get'>['items'][number];

/** The locations an order can be fulfilled from (not archived; the default first). */
export const fulfilmentLocationsQueryOptions = (businessId: string) =>
  queryOptions({
    queryKey: [businessId, 'stock', 'locations', 'active'],
    queryFn: ({ signal }) => request(api.GET('/api/businesses/{businessId}/locations', { params: { path: { businessId } }, signal })),
    staleTime: 60_000,
  });

export function useFulfilmentLocations(businessId: string) {
  return useQuery(fulfilmentLocationsQueryOptions(businessId));
}
