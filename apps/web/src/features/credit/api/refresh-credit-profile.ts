import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api';
import { creditQueryKey } from './credit-keys';

/** Asks for a recompute now; the profile query then polls until it is done. */
export function useRefreshCreditProfile(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => request(api.POST('/api/businesses/{businessId}/credit-profile/refresh', { params: { path: { businessId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: creditQueryKey(businessId) }),
  });
}
