import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';
import { notificationsKey } from './keys';

export type NotificationPage = ResponseBody<'/api/businesses/{businessId}/notifications', 'get'>;
export type AppNotification = NotificationPage['items'][number];

export const notificationsQueryOptions = (businessId: string) =>
  queryOptions({
    queryKey: [...notificationsKey(businessId), 'list'],
    queryFn: ({ signal }) =>
      request(api.GET('/api/businesses/{businessId}/notifications', { params: { path: { businessId }, query: { limit: 20 } }, signal })),
  });

/** The latest notifications, fetched when the bell opens. */
export function useNotifications(businessId: string, enabled: boolean) {
  return useQuery({ ...notificationsQueryOptions(businessId), enabled });
}
