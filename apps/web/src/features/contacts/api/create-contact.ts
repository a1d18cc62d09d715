import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request, type RequestBody } from '../../../lib/api';
import { contactsQueryKey } from './get-contacts';

export type CreateContactInput = RequestBody<'/api/businesses/{businessId}/contacts', 'post'>;

export function useCreateContact(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateContactInput) =>
      request(api.POST('/api/businesses/{businessId}/contacts', { params: { path: { businessId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: contactsQueryKey(businessId) }),
  });
}
