import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request, type RequestBody } from '../../../lib/api';
import { productsQueryKey } from './get-products';

export type UpdateProductInput = RequestBody<'/api/businesses/{businessId}/products/{productId}', 'patch'>;

export function useUpdateProduct(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ productId, body }: { productId: string; body: UpdateProductInput }) =>
      request(
        api.PATCH('/api/businesses/{businessId}/products/{productId}', { params: { path: { businessId, productId } }, body }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: productsQueryKey(businessId) }),
  });
}
