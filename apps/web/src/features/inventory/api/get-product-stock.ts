import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';
import { inventoryKey } from './keys';

export type ProductStock = ResponseBody<'/api/businesses/{businessId}/products/{productId}/stock', 'get'>;

export const productStockQueryOptions = (businessId: string, productId: string) =>
  queryOptions({
    queryKey: [...inventoryKey(businessId), 'product-stock', productId],
    queryFn: ({ signal }) =>
      request(api.GET('/api/businesses/{businessId}/products/{productId}/stock', { params: { path: { businessId, productId } }, signal })),
  });

/** A product's on hand, reserved, available and value at each location. */
export function useProductStock(businessId: string, productId: string, enabled = true) {
  return useQuery({ ...productStockQueryOptions(businessId, productId), enabled });
}
