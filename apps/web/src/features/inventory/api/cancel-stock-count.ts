import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api';
import { inventoryKey } from './keys';

export function useCancelStockCount(businessId: string, countId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => request(api.POST('/api/businesses/{businessId}/stock-counts/{countId}/cancel', { params: { path: { businessId, countId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...inventoryKey(businessId), 'count'] }),
  });
}
