import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api';
import type { LocationInput } from './create-location';
import { inventoryKey } from './keys';

export function useUpdateLocation(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ locationId, body }: { locationId: string; body: LocationInput }) =>
      request(api.PATCH('/api/businesses/{businessId}/locations/{locationId}', { params: { path: { businessId, locationId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inventoryKey(businessId) }),
  });
}
