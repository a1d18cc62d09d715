import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request, type RequestBody } from '../../../lib/api';
import { invoicesQueryKey } from '../../invoices/api/get-invoices';
import { salesOrderQueryKey } from './get-sales-order';
import { salesOrdersQueryKey } from './get-sales-orders';

export type InvoiceOrderInput = RequestBody<'/api/businesses/{businessId}/sales-orders/{orderId}/invoice', 'post'>;

/** Issues an invoice for what has shipped and is not yet invoiced; answers with the invoice. */
export function useInvoiceSalesOrder(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ orderId, body }: { orderId: string; body: InvoiceOrderInput }) =>
      request(api.POST('/api/businesses/{businessId}/sales-orders/{orderId}/invoice', { params: { path: { businessId, orderId } }, body })),
    onSuccess: (_invoice, { orderId }) => {
      void queryClient.invalidateQueries({ queryKey: salesOrderQueryKey(businessId, orderId) });
      void queryClient.invalidateQueries({ queryKey: salesOrdersQueryKey(businessId) });
      void queryClient.invalidateQueries({ queryKey: invoicesQueryKey(businessId) });
    },
  });
}
