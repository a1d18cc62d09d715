import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api';
import { billsQueryKey } from './purchases-keys';

export function useDeleteBill(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (billId: string) => request(api.DELETE('/api/businesses/{businessId}/bills/{billId}', { params: { path: { businessId, billId } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: billsQueryKey(businessId) }),
  });
}
