import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';

export type InvitationsPage = ResponseBody<'/api/businesses/{businessId}/invitations', 'get'>;
export type Invitation = InvitationsPage['items'][number];

export const INVITATIONS_PAGE_SIZE = 20;

export const invitationsQueryKey = (businessId: string) => [businessId, 'invitations'] as const;

export const invitationsQueryOptions = (businessId: string, cursor?: string) =>
  queryOptions({
    queryKey: [...invitationsQueryKey(businessId), { cursor: cursor ?? null, limit: INVITATIONS_PAGE_SIZE }],
    queryFn: ({ signal }) =>
      request(
        api.GET('/api/businesses/{businessId}/invitations', {
          params: { path: { businessId }, query: { limit: INVITATIONS_PAGE_SIZE, ...(cursor ? { cursor } : {}) } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });

export function useInvitations(businessId: string, cursor?: string) {
  return useQuery(invitationsQueryOptions(businessId, cursor));
}
