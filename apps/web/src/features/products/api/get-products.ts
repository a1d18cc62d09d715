import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';

export type ProductsPage = ResponseBody<'/api/businesses/{businessId}/products', 'get'>;
export type Product = ProductsPage['items'][number];
export type ProductKind = Product['kind'];
export type ProductSort = 'name' | '-name' | 'sku' | '-sku' | 'createdAt' | '-createdAt';

export type ProductFilters = {
  q: string;
  kind: ProductKind | '';
  active: 'true' | 'false' | 'any';
  sort: ProductSort;
};

export const CONTACTS_PAGE_SIZE = 25;

export const productsQueryKey = (businessId: string) => [businessId, 'products'] as const;

/** The list's query string, shared with the CSV export so the file holds what the list shows. */
export function productFilterQuery(filters: ProductFilters) {
  return {
    ...(filters.q.trim() ? { q: filters.q.trim() } : {}),
    ...(filters.kind ? { kind: filters.kind } : {}),
    active: filters.active,
    sort: filters.sort,
  };
}

export const productsQueryOptions = (businessId: string, filters: ProductFilters, cursor?: string, limit = CONTACTS_PAGE_SIZE) =>
  queryOptions({
    queryKey: [...productsQueryKey(businessId), 'list', { ...filters, cursor: cursor ?? null, limit }],
    queryFn: ({ signal }) =>
      request(
        api.GET('/api/businesses/{businessId}/products', {
          params: { path: { businessId }, query: { ...productFilterQuery(filters), limit, ...(cursor ? { cursor } : {}) } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });

export function useProducts(businessId: string, filters: ProductFilters, cursor?: string, limit?: number) {
  return useQuery(productsQueryOptions(businessId, filters, cursor, limit));
}
