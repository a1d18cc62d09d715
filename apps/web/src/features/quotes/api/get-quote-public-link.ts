import { useMutation } from '@tanstack/react-query';
import { api, request } from '../../../lib/api';

/** Asked for on demand (it registers the link), so a mutation rather than a query. */
export function useQuotePublicLink(businessId: string) {
  return useMutation({
    mutationFn: (quoteId: string) =>
      request(api.GET('/api/businesses/{businessId}/quotes/{quoteId}/public-link', { params: { path: { businessId, quoteId } } })),
  });
}
