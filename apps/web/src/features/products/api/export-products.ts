import { csvHref } from '../../../lib/csv-href';
import { productFilterQuery, type ProductFilters } from './get-products';

/** The CSV export of the products the list shows, with the same filters. */
export function productsExportUrl(businessId: string, filters: ProductFilters): string {
  return csvHref(businessId, 'products/export.csv', productFilterQuery(filters));
}
