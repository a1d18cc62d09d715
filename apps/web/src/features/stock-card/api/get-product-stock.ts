import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';

export type ProductStock = ResponseBody<'/api/businesses/{businessId}/products/{productId}/stock', 'get'>;

/** On hand, reserved and available of one product, per location and in total. */
export const productStockQueryOptions = (businessId: string, productId: string) =>
  queryOptions({
    queryKey: [businessId, 'stock', 'product', productId],
    queryFn: ({ signal }) =>
      request(api.GET('/api/businesses/{businessId}/products/{productId}/stock', { params: { path: { businessId, productId } }, signal })),
  });

export function useProductStock(businessId: string, productId: string) {
  return useQuery(productStockQueryOptions(businessId, productId));
}
