import { useMutation, useQueryClient } from '@tanstack/react-query';
import { consentQueryKey } from './consent-keys';
import type { ConsentGrantDetail } from './get-consent-grant';

/** A change answered with the grant: every consent query of the business refetches (cards, recipients, log). */
export function useGrantMutation<V>(businessId: string, mutationFn: (variables: V) => Promise<ConsentGrantDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: consentQueryKey(businessId) }),
  });
}
