import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';
import { consentQueryKey } from './consent-keys';

export type ConsentGrantDetail = ResponseBody<'/api/businesses/{businessId}/consent/grants/{grantId}', 'get'>;
export type GrantEvent = ConsentGrantDetail['history'][number];

export const consentGrantQueryOptions = (businessId: string, grantId: string) =>
  queryOptions({
    queryKey: [...consentQueryKey(businessId), 'grant', grantId],
    queryFn: ({ signal }) =>
      request(api.GET('/api/businesses/{businessId}/consent/grants/{grantId}', { params: { path: { businessId, grantId } }, signal })),
  });

/** A grant with every version of it; `enabled` false skips the request (no grant chosen). */
export function useConsentGrant(businessId: string, grantId: string | undefined) {
  return useQuery({ ...consentGrantQueryOptions(businessId, grantId ?? ''), enabled: !!grantId });
}
