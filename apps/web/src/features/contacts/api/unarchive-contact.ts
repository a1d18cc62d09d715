import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api';
import { contactsQueryKey } from './get-contacts';

export function useUnarchiveContact(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (contactId: string) =>
      request(
        api.POST('/api/businesses/{businessId}/contacts/{contactId}/unarchive', { params: { path: { businessId, contactId } } }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: contactsQueryKey(businessId) }),
  });
}
