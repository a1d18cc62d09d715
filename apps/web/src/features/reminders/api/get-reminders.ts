import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';

export type SentReminder = ResponseBody<'/api/businesses/{businessId}/reminders', 'get'>['items'][number];

export const REMINDERS_PAGE_SIZE = 25;

export const remindersQueryKey = (businessId: string) => [businessId, 'reminders'] as const;

export const remindersQueryOptions = (businessId: string, contactId: string, cursor?: string) =>
  queryOptions({
    queryKey: [...remindersQueryKey(businessId), 'list', { contactId, cursor: cursor ?? null }],
    queryFn: ({ signal }) =>
      request(
        api.GET('/api/businesses/{businessId}/reminders', {
          params: {
            path: { businessId },
            query: { limit: REMINDERS_PAGE_SIZE, ...(cursor ? { cursor } : {}), ...(contactId ? { contactId } : {}) },
          },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });

/** Every reminder the business sent, newest first, optionally for one customer. */
export function useReminders(businessId: string, contactId: string, cursor?: string) {
  return useQuery(remindersQueryOptions(businessId, contactId, cursor));
}
