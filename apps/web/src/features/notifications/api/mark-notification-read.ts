import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api';
import { notificationsKey } from './keys';

export function useMarkNotificationRead(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (notificationId: string) =>
      request(api.POST('/api/businesses/{businessId}/notifications/{notificationId}/read', { params: { path: { businessId, notificationId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsKey(businessId) }),
  });
}
