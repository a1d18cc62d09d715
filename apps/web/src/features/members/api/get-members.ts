import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';

export type MembersPage = ResponseBody<'/api/businesses/{businessId}/members', 'get'>;
export type Member = MembersPage['items'][number];

export const MEMBERS_PAGE_SIZE = 20;

export const membersQueryKey = (businessId: string) => [businessId, 'members'] as const;

export const membersQueryOptions = (businessId: string, cursor?: string) =>
  queryOptions({
    queryKey: [...membersQueryKey(businessId), { cursor: cursor ?? null, limit: MEMBERS_PAGE_SIZE }],
    queryFn: ({ signal }) =>
      request(
        api.GET('/api/businesses/{businessId}/members', {
          params: { path: { businessId }, query: { limit: MEMBERS_PAGE_SIZE, ...(cursor ? { cursor } : {}) } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });

export function useMembers(businessId: string, cursor?: string) {
  return useQuery(membersQueryOptions(businessId, cursor));
}
