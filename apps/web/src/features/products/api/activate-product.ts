import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api';
import { productsQueryKey } from './get-products';

export function useActivateProduct(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (productId: string) =>
      request(
        api.POST('/api/businesses/{businessId}/products/{productId}/activate', { params: { path: { businessId, productId } } }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: productsQueryKey(businessId) }),
  });
}
