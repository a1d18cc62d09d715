import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api';
import { contactsQueryKey } from './get-contacts';

export function useArchiveContact(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (contactId: string) =>
      request(
        api.POST('/api/businesses/{businessId}/contacts/{contactId}/archive', { params: { path: { businessId, contactId } } }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: contactsQueryKey(businessId) }),
  });
}
