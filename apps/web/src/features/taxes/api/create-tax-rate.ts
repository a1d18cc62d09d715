import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request, type RequestBody } from '../../../lib/api';
import { taxRatesQueryKey } from './get-tax-rates';

export type CreateTaxRateInput = RequestBody<'/api/businesses/{businessId}/tax-rates', 'post'>;

export function useCreateTaxRate(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTaxRateInput) =>
      request(api.POST('/api/businesses/{businessId}/tax-rates', { params: { path: { businessId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: taxRatesQueryKey(businessId) }),
  });
}
