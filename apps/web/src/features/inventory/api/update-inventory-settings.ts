import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request, type RequestBody } from '../../../lib/api';
import { inventorySettingsQueryOptions } from './get-inventory-settings';

export type InventorySettingsInput = RequestBody<'/api/businesses/{businessId}/inventory-settings', 'put'>;

export function useUpdateInventorySettings(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InventorySettingsInput) =>
      request(api.PUT('/api/businesses/{businessId}/inventory-settings', { params: { path: { businessId } }, body })),
    onSuccess: (settings) => queryClient.setQueryData(inventorySettingsQueryOptions(businessId).queryKey, settings),
  });
}
