import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';
import { inventoryKey } from './keys';

export type StockCard = ResponseBody<'/api/businesses/{businessId}/products/{productId}/stock-card', 'get'>;
export type StockCardEntry = StockCard['items'][number];

export const STOCK_CARD_PAGE_SIZE = 50;

export const stockCardQueryOptions = (businessId: string, productId: string, locationId: string, cursor?: string) =>
  queryOptions({
    queryKey: [...inventoryKey(businessId), 'stock-card', productId, { locationId, cursor: cursor ?? null }],
    queryFn: ({ signal }) =>
      request(
        api.GET('/api/businesses/{businessId}/products/{productId}/stock-card', {
          params: {
            path: { businessId, productId },
            query: { limit: STOCK_CARD_PAGE_SIZE, ...(locationId ? { locationId } : {}), ...(cursor ? { cursor } : {}) },
          },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });

/** Every movement of a product, newest first, with the running quantity and value after each. */
export function useStockCard(businessId: string, productId: string, locationId: string, cursor?: string) {
  return useQuery(stockCardQueryOptions(businessId, productId, locationId, cursor));
}
