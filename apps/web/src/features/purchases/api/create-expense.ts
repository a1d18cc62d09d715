import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request, type RequestBody } from '../../../lib/api';
import { expenseQueryKey } from './get-expense';
import { invalidatePurchasing } from './purchases-keys';

export type ExpenseInput = RequestBody<'/api/businesses/{businessId}/expenses', 'post'>;

export function useCreateExpense(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ExpenseInput) => request(api.POST('/api/businesses/{businessId}/expenses', { params: { path: { businessId } }, body })),
    onSuccess: (expense) => {
      queryClient.setQueryData(expenseQueryKey(businessId, expense.id), expense);
      invalidatePurchasing(queryClient, businessId);
    },
  });
}
