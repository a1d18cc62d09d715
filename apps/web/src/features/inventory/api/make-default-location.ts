import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api';
import { inventoryKey } from './keys';

/** Make this the location documents use unless they say otherwise. */
export function useMakeDefaultLocation(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (locationId: string) =>
      request(api.POST('/api/businesses/{businessId}/locations/{locationId}/make-default', { params: { path: { businessId, locationId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inventoryKey(businessId) }),
  });
}
