import { useMutation } from '@tanstack/react-query';
import { api, request, type RequestBody } from '../../../lib/api';

export type SendInvoiceInput = RequestBody<'/api/businesses/{businessId}/invoices/{invoiceId}/send', 'post'>;

export function useSendInvoice(businessId: string) {
  return useMutation({
    mutationFn: ({ invoiceId, body }: { invoiceId: string; body: SendInvoiceInput }) =>
      request(api.POST('/api/businesses/{businessId}/invoices/{invoiceId}/send', { params: { path: { businessId, invoiceId } }, body })),
  });
}
