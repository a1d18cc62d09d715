import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request, type RequestBody } from '../../../lib/api';
import { invitationsQueryKey } from './get-invitations';

export type CreateInvitationInput = RequestBody<'/api/businesses/{businessId}/invitations', 'post'>;

export function useCreateInvitation(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateInvitationInput) =>
      request(api.POST('/api/businesses/{businessId}/invitations', { params: { path: { businessId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsQueryKey(businessId) }),
  });
}
