import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request, type RequestBody } from '../../../lib/api';
import { inventoryKey } from './keys';

export type StockCountInput = RequestBody<'/api/businesses/{businessId}/stock-counts', 'post'>;

export function useCreateStockCount(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: StockCountInput) => request(api.POST('/api/businesses/{businessId}/stock-counts', { params: { path: { businessId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...inventoryKey(businessId), 'counts'] }),
  });
}
