import { api, request, type RequestBody } from '../../../lib/api';
import { useGrantMutation } from './use-grant-mutation';

export type ConsentGrantInput = RequestBody<'/api/businesses/{businessId}/consent/grants', 'post'>;

/** A new consent act; the password must have been confirmed just before. */
export function useCreateConsentGrant(businessId: string) {
  return useGrantMutation(businessId, (body: ConsentGrantInput) =>
    request(api.POST('/api/businesses/{businessId}/consent/grants', { params: { path: { businessId } }, body })),
  );
}
