import { useMutation } from '@tanstack/react-query';
import { api, request } from '../../../lib/api';

/** Fetched on demand (a button), since asking may create the link. */
export function usePublicLink(businessId: string) {
  return useMutation({
    mutationFn: (invoiceId: string) =>
      request(api.GET('/api/businesses/{businessId}/invoices/{invoiceId}/public-link', { params: { path: { businessId, invoiceId } } })),
  });
}
