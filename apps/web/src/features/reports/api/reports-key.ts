import { csvHref } from '../../../lib/csv-href';

/**
 * Every report and the dashboard sit under one key, so anything that posts to the books
 * (an invoice issued, a payment, a journal entry) can refresh them all at once.
 */
export const reportsQueryKey = (businessId: string) => [businessId, 'reports'] as const;

/** The API's CSV twin of a report, for a plain download link (same origin, session cookie). */
export function reportCsvHref(businessId: string, report: string, params: Record<string, string | undefined>): string {
  return csvHref(businessId, `reports/${report}.csv`, params);
}
