import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api';
import { notificationsKey } from './keys';

export function useMarkAllNotificationsRead(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => request(api.POST('/api/businesses/{businessId}/notifications/read-all', { params: { path: { businessId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsKey(businessId) }),
  });
}
