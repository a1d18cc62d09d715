import { productFilterQuery, type ProductFilters } from './get-products';

/** A plain link to the CSV export: the browser downloads it with the session cookie. */
export function productsExportUrl(businessId: string, filters: ProductFilters): string {
  const params = new URLSearchParams(productFilterQuery(filters) as unknown as Record<string, string>);
  return `/api/businesses/${encodeURIComponent(businessId)}/products/export.csv?${params.toString()}`;
}
