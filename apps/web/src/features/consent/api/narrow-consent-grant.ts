import { api, request, type RequestBody } from '../../../lib/api';
import { useGrantMutation } from './use-grant-mutation';

export type NarrowInput = RequestBody<'/api/businesses/{businessId}/consent/grants/{grantId}/narrow', 'post'>;

export function useNarrowConsentGrant(businessId: string) {
  return useGrantMutation(businessId, ({ grantId, body }: { grantId: string; body: NarrowInput }) =>
    request(api.POST('/api/businesses/{businessId}/consent/grants/{grantId}/narrow', { params: { path: { businessId, grantId } }, body })),
  );
}
