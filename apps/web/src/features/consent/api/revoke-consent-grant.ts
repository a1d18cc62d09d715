import { api, request } from '../../../lib/api';
import { useGrantMutation } from './use-grant-mutation';

export function useRevokeConsentGrant(businessId: string) {
  return useGrantMutation(businessId, (grantId: string) =>
    request(api.POST('/api/businesses/{businessId}/consent/grants/{grantId}/revoke', { params: { path: { businessId, grantId } }, body: {} })),
  );
}
