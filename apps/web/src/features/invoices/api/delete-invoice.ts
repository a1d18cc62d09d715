import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api';
import { invoicesQueryKey } from './get-invoices';

export function useDeleteInvoice(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invoiceId: string) =>
      request(api.DELETE('/api/businesses/{businessId}/invoices/{invoiceId}', { params: { path: { businessId, invoiceId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invoicesQueryKey(businessId) }),
  });
}
