import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';

export type ReminderSettings = ResponseBody<'/api/businesses/{businessId}/reminder-settings', 'get'>;

export const reminderSettingsQueryKey = (businessId: string) => [businessId, 'reminder-settings'] as const;

export const reminderSettingsQueryOptions = (businessId: string) =>
  queryOptions({
    queryKey: reminderSettingsQueryKey(businessId),
    queryFn: ({ signal }) =>
      request(api.GET('/api/businesses/{businessId}/reminder-settings', { params: { path: { businessId } }, signal })),
  });

export function useReminderSettings(businessId: string) {
  return useQuery(reminderSettingsQueryOptions(businessId));
}
