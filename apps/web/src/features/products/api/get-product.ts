import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, request } from '../../../lib/api';
import { productsQueryKey } from './get-products';

export const productQueryOptions = (businessId: string, productId: string) =>
  queryOptions({
    queryKey: [...productsQueryKey(businessId), 'detail', productId],
    queryFn: ({ signal }) =>
      request(
        api.GET('/api/businesses/{businessId}/products/{productId}', { params: { path: { businessId, productId } }, signal }),
      ),
  });

export function useProduct(businessId: string, productId: string) {
  return useQuery(productQueryOptions(businessId, productId));
}
