import { contactFilterQuery, type ContactFilters } from './get-contacts';

/** A plain link to the CSV export: the browser downloads it with the session cookie. */
export function contactsExportUrl(businessId: string, filters: ContactFilters): string {
  const params = new URLSearchParams(contactFilterQuery(filters) as unknown as Record<string, string>);
  return `/api/businesses/${encodeURIComponent(businessId)}/contacts/export.csv?${params.toString()}`;
}
