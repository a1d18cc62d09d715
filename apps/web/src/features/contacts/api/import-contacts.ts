import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request, type RequestBody } from '../../../lib/api';
import { contactsQueryKey } from './get-contacts';

export type ImportMode = RequestBody<'/api/businesses/{businessId}/contacts/import', 'post'>['mode'];

export function useImportContacts(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ csv, mode }: { csv: string; mode: ImportMode }) =>
      request(api.POST('/api/businesses/{businessId}/contacts/import', { params: { path: { businessId } }, body: { csv, mode } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: contactsQueryKey(businessId) }),
  });
}
