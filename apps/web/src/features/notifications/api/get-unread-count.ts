import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, request } from '../../../lib/api';
import { notificationsKey } from './keys';

const POLL_MS = 60_000;

export const unreadCountQueryOptions = (businessId: string) =>
  queryOptions({
    queryKey: [...notificationsKey(businessId), 'unread-count'],
    queryFn: ({ signal }) =>
      request(api.GET('/api/businesses/{businessId}/notifications/unread-count', { params: { path: { businessId } }, signal })),
    // Alerts are raised by background jobs: look again every minute and whenever the window regains focus.
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: true,
  });

export function useUnreadCount(businessId: string) {
  return useQuery(unreadCountQueryOptions(businessId));
}
