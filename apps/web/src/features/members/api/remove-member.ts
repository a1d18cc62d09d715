import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api';
import { membersQueryKey } from './get-members';

export function useRemoveMember(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (membershipId: string) =>
      request(
        api.DELETE('/api/businesses/{businessId}/members/{membershipId}', {
          params: { path: { businessId, membershipId } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: membersQueryKey(businessId) }),
  });
}
