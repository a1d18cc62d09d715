import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';

export type AuditEventsPage = ResponseBody<'/api/businesses/{businessId}/audit-events', 'get'>;
export type AuditEvent = AuditEventsPage['items'][number];

export const AUDIT_PAGE_SIZE = 25;

export const auditEventsQueryKey = (businessId: string) => [businessId, 'audit-events'] as const;

export const auditEventsQueryOptions = (businessId: string, cursor?: string) =>
  queryOptions({
    queryKey: [...auditEventsQueryKey(businessId), { cursor: cursor ?? null, limit: AUDIT_PAGE_SIZE }],
    queryFn: ({ signal }) =>
      request(
        api.GET('/api/businesses/{businessId}/audit-events', {
          params: { path: { businessId }, query: { limit: AUDIT_PAGE_SIZE, ...(cursor ? { cursor } : {}) } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });

export function useAuditEvents(businessId: string, cursor?: string) {
  return useQuery(auditEventsQueryOptions(businessId, cursor));
}
