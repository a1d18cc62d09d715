import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request, type RequestBody } from '../../../lib/api';
import { accountsQueryKey } from './get-accounts';

export type AccountChanges = RequestBody<'/api/businesses/{businessId}/accounts/{accountId}', 'patch'>;

export function useUpdateAccount(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ accountId, changes }: { accountId: string; changes: AccountChanges }) =>
      request(
        api.PATCH('/api/businesses/{businessId}/accounts/{accountId}', { params: { path: { businessId, accountId } }, body: changes }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: accountsQueryKey(businessId) }),
  });
}
