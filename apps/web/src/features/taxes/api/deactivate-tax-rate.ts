import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api';
import { taxRatesQueryKey } from './get-tax-rates';

export function useDeactivateTaxRate(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (taxRateId: string) =>
      request(
        api.POST('/api/businesses/{businessId}/tax-rates/{taxRateId}/deactivate', { params: { path: { businessId, taxRateId } } }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: taxRatesQueryKey(businessId) }),
  });
}
