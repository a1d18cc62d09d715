import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request, type RequestBody } from '../../../lib/api';
import { contactsQueryKey } from './get-contacts';

export type UpdateContactInput = RequestBody<'/api/businesses/{businessId}/contacts/{contactId}', 'patch'>;

export function useUpdateContact(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ contactId, body }: { contactId: string; body: UpdateContactInput }) =>
      request(
        api.PATCH('/api/businesses/{businessId}/contacts/{contactId}', { params: { path: { businessId, contactId } }, body }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: contactsQueryKey(businessId) }),
  });
}
