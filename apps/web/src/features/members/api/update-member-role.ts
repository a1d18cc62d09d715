import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request, type RequestBody } from '../../../lib/api';
import { membersQueryKey } from './get-members';

export type MemberRole = RequestBody<'/api/businesses/{businessId}/members/{membershipId}', 'patch'>['role'];

export function useUpdateMemberRole(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ membershipId, role }: { membershipId: string; role: MemberRole }) =>
      request(
        api.PATCH('/api/businesses/{businessId}/members/{membershipId}', {
          params: { path: { businessId, membershipId } },
          body: { role },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: membersQueryKey(businessId) }),
  });
}
