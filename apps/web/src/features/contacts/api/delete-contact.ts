import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api';
import { contactsQueryKey } from './get-contacts';

export function useDeleteContact(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (contactId: string) =>
      request(api.DELETE('/api/businesses/{businessId}/contacts/{contactId}', { params: { path: { businessId, contactId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: contactsQueryKey(businessId) }),
  });
}
