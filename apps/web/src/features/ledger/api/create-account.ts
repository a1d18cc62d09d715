import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request, type RequestBody } from '../../../lib/api';
import { accountsQueryKey } from './get-accounts';

export type NewAccount = RequestBody<'/api/businesses/{businessId}/accounts', 'post'>;

export function useCreateAccount(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewAccount) => request(api.POST('/api/businesses/{businessId}/accounts', { params: { path: { businessId } }, body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: accountsQueryKey(businessId) }),
  });
}
