import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';

export type InvitationPreview = ResponseBody<'/api/invitations/{token}', 'get'>;

// Public and keyed by token: the business is not known until the invitation is read.
export const invitationPreviewQueryOptions = (token: string) =>
  queryOptions({
    queryKey: ['invitation', token],
    queryFn: ({ signal }) => request(api.GET('/api/invitations/{token}', { params: { path: { token } }, signal })),
    retry: false,
  });

export function useInvitationPreview(token: string) {
  return useQuery(invitationPreviewQueryOptions(token));
}
