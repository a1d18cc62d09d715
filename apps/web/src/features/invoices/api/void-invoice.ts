import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api';
import { invoiceQueryKey } from './get-invoice';
import { invoicesQueryKey } from './get-invoices';

export function useVoidInvoice(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ invoiceId, reason }: { invoiceId: string; reason: string }) =>
      request(
        api.POST('/api/businesses/{businessId}/invoices/{invoiceId}/void', {
          params: { path: { businessId, invoiceId } },
          body: { reason },
        }),
      ),
    onSuccess: (invoice) => {
      queryClient.setQueryData(invoiceQueryKey(businessId, invoice.id), invoice);
      void queryClient.invalidateQueries({ queryKey: invoicesQueryKey(businessId) });
    },
  });
}
