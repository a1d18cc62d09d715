import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request, type RequestBody } from '../../../lib/api';
import { stockCountKey } from './get-stock-count';

export type ScanInput = RequestBody<'/api/businesses/{businessId}/stock-counts/{countId}/scan', 'post'>;

export function useScanStockCount(businessId: string, countId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ScanInput) =>
      request(api.POST('/api/businesses/{businessId}/stock-counts/{countId}/scan', { params: { path: { businessId, countId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: stockCountKey(businessId, countId) }),
  });
}
