import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, request } from '../../../lib/api';
import { inventoryKey } from './keys';

export const stockCountKey = (businessId: string, countId: string) => [...inventoryKey(businessId), 'count', countId] as const;

export const stockCountQueryOptions = (businessId: string, countId: string) =>
  queryOptions({
    queryKey: [...stockCountKey(businessId, countId), 'detail'],
    queryFn: ({ signal }) =>
      request(api.GET('/api/businesses/{businessId}/stock-counts/{countId}', { params: { path: { businessId, countId } }, signal })),
  });

export function useStockCount(businessId: string, countId: string) {
  return useQuery(stockCountQueryOptions(businessId, countId));
}
