import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request, type RequestBody } from '../../../lib/api';
import { inventoryKey } from './keys';

export type AdjustmentInput = RequestBody<'/api/businesses/{businessId}/stock/adjustments', 'post'>;
export type AdjustmentReason = AdjustmentInput['reason'];
export const ADJUSTMENT_REASONS = [
  'damaged',
  'lost',
  'found',
  'expired',
  'correction',
  'sample',
  'opening',
  'other',
] as const satisfies readonly AdjustmentReason[];

export function useCreateAdjustment(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AdjustmentInput) =>
      request(api.POST('/api/businesses/{businessId}/stock/adjustments', { params: { path: { businessId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inventoryKey(businessId) }),
  });
}
