import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api';
import { meQueryOptions } from '../../../lib/me';

export function useAcceptInvitation(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => request(api.POST('/api/invitations/{token}/accept', { params: { path: { token } } })),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: ['invitation', token] });
      // The new business must be in /api/me before its pages will open.
      await queryClient.fetchQuery({ ...meQueryOptions, staleTime: 0 });
    },
  });
}
