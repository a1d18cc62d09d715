import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api';
import { meQueryKey } from '../../../lib/me';

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => request(api.POST('/api/auth/sign-out')),
    onSettled: () => {
      // Even if the request failed, forget everything this browser knew about the account.
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}
