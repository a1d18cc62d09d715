import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request, type RequestBody } from '../../../lib/api';
import { taxRatesQueryKey } from './get-tax-rates';

export type UpdateTaxRateInput = RequestBody<'/api/businesses/{businessId}/tax-rates/{taxRateId}', 'patch'>;

export function useUpdateTaxRate(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ taxRateId, body }: { taxRateId: string; body: UpdateTaxRateInput }) =>
      request(
        api.PATCH('/api/businesses/{businessId}/tax-rates/{taxRateId}', { params: { path: { businessId, taxRateId } }, body }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: taxRatesQueryKey(businessId) }),
  });
}
