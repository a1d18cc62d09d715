import { useMutation, useQueryClient } from '@tanstack/react-query';
import { recurringInvoiceQueryKey, type RecurringInvoice } from './get-recurring-invoice';
import { recurringInvoicesQueryKey } from './get-recurring-invoices';

/** A mutation answered with the template: the detail is cached as returned and the lists refetch. */
export function useTemplateMutation<V>(businessId: string, mutationFn: (variables: V) => Promise<RecurringInvoice>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (template) => {
      queryClient.setQueryData(recurringInvoiceQueryKey(businessId, template.id), template);
      void queryClient.invalidateQueries({ queryKey: recurringInvoicesQueryKey(businessId) });
    },
  });
}
