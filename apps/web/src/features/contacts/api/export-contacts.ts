import { csvHref } from '../../../lib/csv-href';
import { contactFilterQuery, type ContactFilters } from './get-contacts';

/** The CSV export of the contacts the list shows, with the same filters. */
export function contactsExportUrl(businessId: string, filters: ContactFilters): string {
  return csvHref(businessId, 'contacts/export.csv', contactFilterQuery(filters));
}
