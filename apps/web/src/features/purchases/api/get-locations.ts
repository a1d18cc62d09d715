import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';

export type Location = ResponseBody<'/api/businesses/{businessId}/locations', 'get'>['items'][number];

/** Where goods can be received: the business's active locations, the default first. */
export const receivingLocationsQueryOptions = (businessId: string) =>
  queryOptions({
    queryKey: [businessId, 'locations', { includeArchived: false }],
    queryFn: ({ signal }) => request(api.GET('/api/businesses/{businessId}/locations', { params: { path: { businessId } }, signal })),
  });

export function useReceivingLocations(businessId: string) {
  return useQuery(receivingLocationsQueryOptions(businessId));
}
