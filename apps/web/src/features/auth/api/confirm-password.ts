import { useMutation } from '@tanstack/react-query';
import { api, request } from '../../../lib/api';

/** Re-entering the password before an act that needs it (granting consent); it counts for 10 minutes. */
export function useConfirmPassword() {
  return useMutation({
    mutationFn: (password: string) => request(api.POST('/api/auth/confirm-password', { body: { password } })),
  });
}
