import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request, type RequestBody } from '../../../lib/api';
import { inventoryKey } from './keys';

export type LocationInput = RequestBody<'/api/businesses/{businessId}/locations', 'post'>;

export function useCreateLocation(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LocationInput) => request(api.POST('/api/businesses/{businessId}/locations', { params: { path: { businessId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inventoryKey(businessId) }),
  });
}
