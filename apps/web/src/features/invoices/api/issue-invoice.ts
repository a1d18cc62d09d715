import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api';
import { invoiceQueryKey } from './get-invoice';
import { invoicesQueryKey } from './get-invoices';

export function useIssueInvoice(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ invoiceId, exchangeRate }: { invoiceId: string; exchangeRate?: string }) =>
      request(
        api.POST('/api/businesses/{businessId}/invoices/{invoiceId}/issue', {
          params: { path: { businessId, invoiceId } },
          body: exchangeRate ? { exchangeRate } : {},
        }),
      ),
    onSuccess: (invoice) => {
      queryClient.setQueryData(invoiceQueryKey(businessId, invoice.id), invoice);
      void queryClient.invalidateQueries({ queryKey: invoicesQueryKey(businessId) });
    },
  });
}
