import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api';
import { inventoryKey } from './keys';

/** Bring an archived location back. */
export function useRestoreLocation(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (locationId: string) =>
      request(api.POST('/api/businesses/{businessId}/locations/{locationId}/restore', { params: { path: { businessId, locationId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inventoryKey(businessId) }),
  });
}
