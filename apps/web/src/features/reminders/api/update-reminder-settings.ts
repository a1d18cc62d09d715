import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api';
import { reminderSettingsQueryKey, type ReminderSettings } from './get-reminder-settings';

export function useUpdateReminderSettings(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReminderSettings) =>
      request(api.PUT('/api/businesses/{businessId}/reminder-settings', { params: { path: { businessId } }, body })),
    onSuccess: (settings) => queryClient.setQueryData(reminderSettingsQueryKey(businessId), settings),
  });
}
