import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request, type RequestBody, type ResponseBody } from '../../../lib/api';
import { meQueryOptions } from '../../../lib/me';

export type CreateBusinessInput = RequestBody<'/api/businesses', 'post'>;
export type Business = ResponseBody<'/api/businesses/{businessId}', 'get'>;

export function useCreateBusiness() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateBusinessInput) => request(api.POST('/api/businesses', { body })),
    onSuccess: async (business) => {
      queryClient.setQueryData([business.id, 'business'], business);
      // The business switcher and the /b/$businessId guard read the list from /api/me.
      await queryClient.fetchQuery({ ...meQueryOptions, staleTime: 0 });
    },
  });
}
