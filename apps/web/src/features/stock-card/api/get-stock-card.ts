import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';

export type StockCardPage = ResponseBody<'/api/businesses/{businessId}/products/{productId}/stock-card', 'get'>;
export type StockCardEntry = StockCardPage['items'][number];

export const STOCK_CARD_PAGE_SIZE = 50;

/** Every movement of a product, newest first, with the running quantity and value. */
export const stockCardQueryOptions = (businessId: string, productId: string, cursor?: string) =>
  queryOptions({
    queryKey: [businessId, 'stock', 'card', productId, { cursor: cursor ?? null }],
    queryFn: ({ signal }) =>
      request(
        api.GET('/api/businesses/{businessId}/products/{productId}/stock-card', {
          params: { path: { businessId, productId }, query: { limit: STOCK_CARD_PAGE_SIZE, ...(cursor ? { cursor } : {}) } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });

export function useStockCard(businessId: string, productId: string, cursor?: string) {
  return useQuery(stockCardQueryOptions(businessId, productId, cursor));
}
