import type { QueryClient } from '@tanstack/react-query';
import { reportsQueryKey } from '../../reports/api/reports-key';

/** Query keys of the purchases section; every key starts with the business id. */
export const purchaseOrdersQueryKey = (businessId: string) => [businessId, 'purchase-orders'] as const;
export const billsQueryKey = (businessId: string) => [businessId, 'bills'] as const;
export const billPaymentsQueryKey = (businessId: string) => [businessId, 'bill-payments'] as const;
export const payablesQueryKey = (businessId: string) => [businessId, 'payables'] as const;
export const expensesQueryKey = (businessId: string) => [businessId, 'expenses'] as const;

/**
 * Anything that posts a purchasing document moves stock, payables and the books together, so the
 * lists, the stock pages and the reports are refreshed together.
 */
export function invalidatePurchasing(queryClient: QueryClient, businessId: string) {
  for (const key of [
    purchaseOrdersQueryKey(businessId),
    billsQueryKey(businessId),
    billPaymentsQueryKey(businessId),
    payablesQueryKey(businessId),
    expensesQueryKey(businessId),
    reportsQueryKey(businessId),
    [businessId, 'stock'],
    [businessId, 'products'],
  ]) {
    void queryClient.invalidateQueries({ queryKey: key });
  }
}

/** The query string of a list's filters, without empty values; shared by the list and its CSV export. */
export function filterQuery<T extends Record<string, string>>(filters: T): { [K in keyof T]?: Exclude<T[K], ''> } {
  return Object.fromEntries(Object.entries(filters).map(([k, v]) => [k, v.trim()]).filter(([, v]) => v !== '')) as {
    [K in keyof T]?: Exclude<T[K], ''>;
  };
}

/** A plain link to a CSV export: the browser downloads it with the session cookie. */
export function exportUrl(businessId: string, path: string, filters: Record<string, string>): string {
  const params = new URLSearchParams(filterQuery(filters) as Record<string, string>);
  return `/api/businesses/${encodeURIComponent(businessId)}/${path}/export.csv?${params.toString()}`;
}
