import { csvHref } from '../../../lib/csv-href';
import { invoiceFilterQuery, type InvoiceFilters } from './get-invoices';

/** The CSV export of the invoices the list shows, with the same filters. */
export function invoicesExportUrl(businessId: string, filters: InvoiceFilters): string {
  return csvHref(businessId, 'invoices/export.csv', invoiceFilterQuery(filters));
}
