import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request, type RequestBody } from '../../../lib/api';
import { meQueryOptions } from '../../../lib/me';

export type SignInInput = RequestBody<'/api/auth/sign-in', 'post'>;

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SignInInput) => request(api.POST('/api/auth/sign-in', { body })),
    onSuccess: async () => {
      // Nothing cached for a previous session may leak into this one.
      queryClient.removeQueries();
      await queryClient.fetchQuery({ ...meQueryOptions, staleTime: 0 });
    },
  });
}
