import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';

export type ContactsPage = ResponseBody<'/api/businesses/{businessId}/contacts', 'get'>;
export type Contact = ContactsPage['items'][number];
export type ContactKind = Contact['kind'];
export type ContactSort = 'name' | '-name' | 'createdAt' | '-createdAt';

export type ContactFilters = {
  q: string;
  kind: ContactKind | '';
  archived: 'false' | 'true' | 'any';
  sort: ContactSort;
};

export const CONTACTS_PAGE_SIZE = 25;

export const contactsQueryKey = (businessId: string) => [businessId, 'contacts'] as const;

/** The list's query string, shared with the CSV export so the file holds what the list shows. */
export function contactFilterQuery(filters: ContactFilters) {
  return {
    ...(filters.q.trim() ? { q: filters.q.trim() } : {}),
    ...(filters.kind ? { kind: filters.kind } : {}),
    archived: filters.archived,
    sort: filters.sort,
  };
}

export const contactsQueryOptions = (businessId: string, filters: ContactFilters, cursor?: string, limit = CONTACTS_PAGE_SIZE) =>
  queryOptions({
    queryKey: [...contactsQueryKey(businessId), 'list', { ...filters, cursor: cursor ?? null, limit }],
    queryFn: ({ signal }) =>
      request(
        api.GET('/api/businesses/{businessId}/contacts', {
          params: { path: { businessId }, query: { ...contactFilterQuery(filters), limit, ...(cursor ? { cursor } : {}) } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });

export function useContacts(businessId: string, filters: ContactFilters, cursor?: string, limit?: number) {
  return useQuery(contactsQueryOptions(businessId, filters, cursor, limit));
}
