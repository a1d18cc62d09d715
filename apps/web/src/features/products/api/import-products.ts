import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request, type RequestBody } from '../../../lib/api';
import { productsQueryKey } from './get-products';

export type ImportMode = RequestBody<'/api/businesses/{businessId}/products/import', 'post'>['mode'];

export function useImportProducts(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ csv, mode }: { csv: string; mode: ImportMode }) =>
      request(api.POST('/api/businesses/{businessId}/products/import', { params: { path: { businessId } }, body: { csv, mode } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: productsQueryKey(businessId) }),
  });
}
