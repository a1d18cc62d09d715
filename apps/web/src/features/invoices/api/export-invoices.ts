import { invoiceFilterQuery, type InvoiceFilters } from './get-invoices';

/** A plain link to the CSV export: the browser downloads it with the session cookie. */
export function invoicesExportUrl(businessId: string, filters: InvoiceFilters): string {
  const params = new URLSearchParams(invoiceFilterQuery(filters));
  return `/api/businesses/${encodeURIComponent(businessId)}/invoices/export.csv?${params.toString()}`;
}
