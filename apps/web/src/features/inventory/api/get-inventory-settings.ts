import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';
import { inventoryKey } from './keys';

export type InventorySettings = ResponseBody<'/api/businesses/{businessId}/inventory-settings', 'get'>;

export const inventorySettingsQueryOptions = (businessId: string) =>
  queryOptions({
    queryKey: [...inventoryKey(businessId), 'settings'],
    queryFn: ({ signal }) => request(api.GET('/api/businesses/{businessId}/inventory-settings', { params: { path: { businessId } }, signal })),
  });

export function useInventorySettings(businessId: string) {
  return useQuery(inventorySettingsQueryOptions(businessId));
}
