import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request, type RequestBody } from '../../../lib/api';
import { meQueryOptions } from '../../../lib/me';

export type SignUpInput = RequestBody<'/api/auth/sign-up', 'post'>;

export function useSignUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SignUpInput) => request(api.POST('/api/auth/sign-up', { body })),
    onSuccess: async () => {
      queryClient.removeQueries();
      await queryClient.fetchQuery({ ...meQueryOptions, staleTime: 0 });
    },
  });
}
