import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';
import { expensesQueryKey } from './purchases-keys';

export type Expense = ResponseBody<'/api/businesses/{businessId}/expenses/{expenseId}', 'get'>;

export const expenseQueryKey = (businessId: string, expenseId: string) => [...expensesQueryKey(businessId), 'detail', expenseId] as const;

export const expenseQueryOptions = (businessId: string, expenseId: string) =>
  queryOptions({
    queryKey: expenseQueryKey(businessId, expenseId),
    queryFn: ({ signal }) => request(api.GET('/api/businesses/{businessId}/expenses/{expenseId}', { params: { path: { businessId, expenseId } }, signal })),
  });

export function useExpense(businessId: string, expenseId: string) {
  return useQuery(expenseQueryOptions(businessId, expenseId));
}

/** Where the receipt file is served (same origin, session cookie): for an <img> or a download link. */
export const expenseReceiptUrl = (businessId: string, expenseId: string, version: string) =>
  `/api/businesses/${encodeURIComponent(businessId)}/expenses/${encodeURIComponent(expenseId)}/receipt?v=${encodeURIComponent(version)}`;
