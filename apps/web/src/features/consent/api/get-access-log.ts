import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';
import { consentQueryKey } from './consent-keys';
import type { ConsentScope } from './get-consent-grants';

export type AccessLogPage = ResponseBody<'/api/businesses/{businessId}/consent/access-log', 'get'>;
export type AccessLogEntry = AccessLogPage['items'][number];

export type AccessLogFilters = { grantId: string; scope: ConsentScope | ''; outcome: 'allowed' | 'refused' | '' };

export const ACCESS_LOG_PAGE_SIZE = 20;

/** The filters as query parameters, leaving out the empty ones. */
export function accessLogFilterQuery(f: AccessLogFilters) {
  return {
    ...(f.grantId ? { grantId: f.grantId } : {}),
    ...(f.scope ? { scope: f.scope } : {}),
    ...(f.outcome ? { outcome: f.outcome } : {}),
  };
}

export const accessLogQueryOptions = (businessId: string, filters: AccessLogFilters, cursor?: string) =>
  queryOptions({
    queryKey: [...consentQueryKey(businessId), 'access-log', { ...filters, cursor: cursor ?? null }],
    queryFn: ({ signal }) =>
      request(
        api.GET('/api/businesses/{businessId}/consent/access-log', {
          params: {
            path: { businessId },
            query: { limit: ACCESS_LOG_PAGE_SIZE, ...accessLogFilterQuery(filters), ...(cursor ? { cursor } : {}) },
          },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });

export function useAccessLog(businessId: string, filters: AccessLogFilters, cursor?: string) {
  return useQuery(accessLogQueryOptions(businessId, filters, cursor));
}
