import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request, type RequestBody } from '../../../lib/api';
import { meQueryKey } from '../../../lib/me';
import { businessQueryKey } from './get-business';

export type UpdateBusinessInput = RequestBody<'/api/businesses/{businessId}', 'patch'>;

export function useUpdateBusiness(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateBusinessInput) =>
      request(api.PATCH('/api/businesses/{businessId}', { params: { path: { businessId } }, body })),
    onSuccess: (business) => {
      queryClient.setQueryData(businessQueryKey(businessId), business);
      void queryClient.invalidateQueries({ queryKey: businessQueryKey(businessId) });
      // The name also appears in the business switcher.
      void queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}
