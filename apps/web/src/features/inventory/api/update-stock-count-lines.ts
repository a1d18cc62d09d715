import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request, type RequestBody } from '../../../lib/api';
import { stockCountKey } from './get-stock-count';

export type CountLinesInput = RequestBody<'/api/businesses/{businessId}/stock-counts/{countId}/lines', 'patch'>;

/** Saves typed counts; the count's own queries refresh (its totals and lines), nothing else moved. */
export function useUpdateStockCountLines(businessId: string, countId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CountLinesInput) =>
      request(api.PATCH('/api/businesses/{businessId}/stock-counts/{countId}/lines', { params: { path: { businessId, countId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: stockCountKey(businessId, countId) }),
  });
}
