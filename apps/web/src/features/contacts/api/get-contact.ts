import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, request } from '../../../lib/api';
import { contactsQueryKey } from './get-contacts';

export const contactQueryOptions = (businessId: string, contactId: string) =>
  queryOptions({
    queryKey: [...contactsQueryKey(businessId), 'detail', contactId],
    queryFn: ({ signal }) =>
      request(
        api.GET('/api/businesses/{businessId}/contacts/{contactId}', { params: { path: { businessId, contactId } }, signal }),
      ),
  });

export function useContact(businessId: string, contactId: string) {
  return useQuery(contactQueryOptions(businessId, contactId));
}
