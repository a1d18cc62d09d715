import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request, type RequestBody } from '../../../lib/api';
import { inventoryKey } from './keys';

export type TransferInput = RequestBody<'/api/businesses/{businessId}/stock/transfers', 'post'>;

export function useCreateTransfer(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TransferInput) =>
      request(api.POST('/api/businesses/{businessId}/stock/transfers', { params: { path: { businessId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inventoryKey(businessId) }),
  });
}
