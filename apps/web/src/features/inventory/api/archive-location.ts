import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api';
import { inventoryKey } from './keys';

/** Archive an empty location (its history stays). */
export function useArchiveLocation(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (locationId: string) =>
      request(api.POST('/api/businesses/{businessId}/locations/{locationId}/archive', { params: { path: { businessId, locationId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inventoryKey(businessId) }),
  });
}
