import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request, type RequestBody } from '../../../lib/api';
import { invoiceQueryKey } from './get-invoice';
import { invoicesQueryKey } from './get-invoices';

export type InvoiceDraftInput = RequestBody<'/api/businesses/{businessId}/invoices', 'post'>;

export function useCreateInvoice(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InvoiceDraftInput) =>
      request(api.POST('/api/businesses/{businessId}/invoices', { params: { path: { businessId } }, body })),
    onSuccess: (invoice) => {
      queryClient.setQueryData(invoiceQueryKey(businessId, invoice.id), invoice);
      void queryClient.invalidateQueries({ queryKey: invoicesQueryKey(businessId) });
    },
  });
}
