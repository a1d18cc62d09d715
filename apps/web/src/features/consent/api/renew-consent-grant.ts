import { api, request } from '../../../lib/api';
import { useGrantMutation } from './use-grant-mutation';

/** Without a date, sharing runs until 90 days from today. */
export function useRenewConsentGrant(businessId: string) {
  return useGrantMutation(businessId, ({ grantId, expiresOn }: { grantId: string; expiresOn?: string }) =>
    request(
      api.POST('/api/businesses/{businessId}/consent/grants/{grantId}/renew', {
        params: { path: { businessId, grantId } },
        body: expiresOn ? { expiresOn } : {},
      }),
    ),
  );
}
