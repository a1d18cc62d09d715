import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api';
import { expenseQueryKey } from './get-expense';
import { expensesQueryKey } from './purchases-keys';

export const RECEIPT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'];
export const RECEIPT_MAX_BYTES = 5 * 1024 * 1024;

/** Attaches a receipt file: its bytes as the body, with its own Content-Type (the API checks both). */
export function useUploadReceipt(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ expenseId, file }: { expenseId: string; file: File }) =>
      request(
        api.PUT('/api/businesses/{businessId}/expenses/{expenseId}/receipt', {
          params: { path: { businessId, expenseId }, query: { fileName: file.name } },
          // The generated type names the body as a string; the file goes as raw bytes.
          body: file as unknown as string,
          bodySerializer: (body: unknown) => body as BodyInit,
          headers: { 'Content-Type': file.type },
        }),
      ),
    onSuccess: (expense) => {
      queryClient.setQueryData(expenseQueryKey(businessId, expense.id), expense);
      void queryClient.invalidateQueries({ queryKey: expensesQueryKey(businessId) });
    },
  });
}

export function useRemoveReceipt(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (expenseId: string) =>
      request(api.DELETE('/api/businesses/{businessId}/expenses/{expenseId}/receipt', { params: { path: { businessId, expenseId } } })),
    onSuccess: (expense) => {
      queryClient.setQueryData(expenseQueryKey(businessId, expense.id), expense);
      void queryClient.invalidateQueries({ queryKey: expensesQueryKey(businessId) });
    },
  });
}
