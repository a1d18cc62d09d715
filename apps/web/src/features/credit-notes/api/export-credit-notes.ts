import { csvHref } from '../../../lib/csv-href';
import { creditNoteFilterQuery, type CreditNoteFilters } from './get-credit-notes';

/** The CSV export of the credit notes the list shows, with the same filters. */
export function creditNotesExportUrl(businessId: string, filters: CreditNoteFilters): string {
  return csvHref(businessId, 'credit-notes/export.csv', creditNoteFilterQuery(filters));
}
