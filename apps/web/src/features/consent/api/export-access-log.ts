import { accessLogFilterQuery, type AccessLogFilters } from './get-access-log';

/** A plain link to the CSV export: the browser downloads it with the session cookie. */
export function accessLogExportUrl(businessId: string, filters: AccessLogFilters): string {
  const params = new URLSearchParams(accessLogFilterQuery(filters));
  return `/api/businesses/${encodeURIComponent(businessId)}/consent/access-log/export.csv?${params.toString()}`;
}
