import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api';
import { recurringInvoiceQueryKey } from './get-recurring-invoice';
import { recurringInvoicesQueryKey } from './get-recurring-invoices';

export function useDeleteRecurringInvoice(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (templateId: string) =>
      request(
        api.DELETE('/api/businesses/{businessId}/recurring-invoices/{templateId}', { params: { path: { businessId, templateId } } }),
      ),
    onSuccess: (_data, templateId) => {
      queryClient.removeQueries({ queryKey: recurringInvoiceQueryKey(businessId, templateId) });
      void queryClient.invalidateQueries({ queryKey: recurringInvoicesQueryKey(businessId) });
    },
  });
}
