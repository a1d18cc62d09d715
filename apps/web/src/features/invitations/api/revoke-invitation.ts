import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api';
import { invitationsQueryKey } from './get-invitations';

export function useRevokeInvitation(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invitationId: string) =>
      request(
        api.DELETE('/api/businesses/{businessId}/invitations/{invitationId}', {
          params: { path: { businessId, invitationId } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsQueryKey(businessId) }),
  });
}
