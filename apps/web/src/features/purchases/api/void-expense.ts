import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api';
import { expenseQueryKey } from './get-expense';
import { invalidatePurchasing } from './purchases-keys';

export function useVoidExpense(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ expenseId, reason }: { expenseId: string; reason: string }) =>
      request(api.POST('/api/businesses/{businessId}/expenses/{expenseId}/void', { params: { path: { businessId, expenseId } }, body: { reason } })),
    onSuccess: (expense) => {
      queryClient.setQueryData(expenseQueryKey(businessId, expense.id), expense);
      invalidatePurchasing(queryClient, businessId);
    },
  });
}
