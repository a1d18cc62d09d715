import { csvHref } from '../../../lib/csv-href';
import { paymentFilterQuery, type PaymentFilters } from './get-payments';

/** The CSV export of the payments the list shows, with the same filters. */
export function paymentsExportUrl(businessId: string, filters: PaymentFilters): string {
  return csvHref(businessId, 'payments/export.csv', paymentFilterQuery(filters));
}
