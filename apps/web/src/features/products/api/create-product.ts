import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request, type RequestBody } from '../../../lib/api';
import { productsQueryKey } from './get-products';

export type CreateProductInput = RequestBody<'/api/businesses/{businessId}/products', 'post'>;

export function useCreateProduct(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateProductInput) =>
      request(api.POST('/api/businesses/{businessId}/products', { params: { path: { businessId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: productsQueryKey(businessId) }),
  });
}
