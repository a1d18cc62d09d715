import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';
import { consentQueryKey } from './consent-keys';

export type ConsentGrantsPage = ResponseBody<'/api/businesses/{businessId}/consent/grants', 'get'>;
export type ConsentGrant = ConsentGrantsPage['items'][number];
export type ConsentScope = ConsentGrant['scopes'][number];
export type ConsentPurpose = ConsentGrant['purpose'];
export type GrantListStatus = 'active' | 'ended';

export const CONSENT_SCOPES = ['profile', 'statements', 'aggregates', 'raw_documents'] as const satisfies readonly ConsentScope[];
export const CONSENT_PURPOSES = [
  'working_capital',
  'invoice_financing',
  'equipment_financing',
  'line_of_credit',
  'refinancing',
  'prequalification',
  'other',
] as const satisfies readonly ConsentPurpose[];

/** Live grants fit on one page; ended ones are paged. */
export const GRANTS_PAGE_SIZE = { active: 100, ended: 10 } as const;

export const consentGrantsQueryOptions = (businessId: string, status: GrantListStatus, cursor?: string) =>
  queryOptions({
    queryKey: [...consentQueryKey(businessId), 'grants', { status, cursor: cursor ?? null }],
    queryFn: ({ signal }) =>
      request(
        api.GET('/api/businesses/{businessId}/consent/grants', {
          params: { path: { businessId }, query: { status, limit: GRANTS_PAGE_SIZE[status], ...(cursor ? { cursor } : {}) } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });

export function useConsentGrants(businessId: string, status: GrantListStatus, cursor?: string) {
  return useQuery(consentGrantsQueryOptions(businessId, status, cursor));
}
