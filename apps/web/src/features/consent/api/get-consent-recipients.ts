import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';
import { consentQueryKey } from './consent-keys';

export type ConsentRecipient = ResponseBody<'/api/businesses/{businessId}/consent/recipients', 'get'>['items'][number];

export const consentRecipientsQueryOptions = (businessId: string, q: string) =>
  queryOptions({
    queryKey: [...consentQueryKey(businessId), 'recipients', { q }],
    queryFn: ({ signal }) =>
      request(
        api.GET('/api/businesses/{businessId}/consent/recipients', {
          params: { path: { businessId }, query: q ? { q } : {} },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });

/** Keeper pre-qualification and the lender organisations, each with the live grant to it. */
export function useConsentRecipients(businessId: string, q = '') {
  return useQuery(consentRecipientsQueryOptions(businessId, q));
}
