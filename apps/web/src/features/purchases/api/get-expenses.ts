import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';
import { expensesQueryKey, filterQuery } from './purchases-keys';

export type ExpensesPage = ResponseBody<'/api/businesses/{businessId}/expenses', 'get'>;
export type ExpenseSummary = ExpensesPage['items'][number];
export type ExpenseFilters = { q: string; status: ExpenseSummary['status'] | 'unpaid' | ''; paidFrom: ExpenseSummary['paidFrom'] | ''; accountId: string };

export const EXPENSES_PAGE_SIZE = 25;

export const expensesQueryOptions = (businessId: string, filters: ExpenseFilters, cursor?: string) =>
  queryOptions({
    queryKey: [...expensesQueryKey(businessId), 'list', { ...filters, cursor: cursor ?? null }],
    queryFn: ({ signal }) =>
      request(
        api.GET('/api/businesses/{businessId}/expenses', {
          params: { path: { businessId }, query: { limit: EXPENSES_PAGE_SIZE, ...(cursor ? { cursor } : {}), ...filterQuery(filters) } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });

export function useExpenses(businessId: string, filters: ExpenseFilters, cursor?: string) {
  return useQuery(expensesQueryOptions(businessId, filters, cursor));
}
