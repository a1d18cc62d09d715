import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api';
import type { InvoiceDraftInput } from './create-invoice';
import { invoiceQueryKey } from './get-invoice';
import { invoicesQueryKey } from './get-invoices';

export function useUpdateInvoice(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ invoiceId, body }: { invoiceId: string; body: InvoiceDraftInput }) =>
      request(
        api.PATCH('/api/businesses/{businessId}/invoices/{invoiceId}', { params: { path: { businessId, invoiceId } }, body }),
      ),
    onSuccess: (invoice) => {
      queryClient.setQueryData(invoiceQueryKey(businessId, invoice.id), invoice);
      void queryClient.invalidateQueries({ queryKey: invoicesQueryKey(businessId) });
    },
  });
}
