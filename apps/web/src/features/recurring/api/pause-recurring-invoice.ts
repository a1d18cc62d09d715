import { api, request } from '../../../lib/api';
import { useTemplateMutation } from './use-template-mutation';

export function usePauseRecurringInvoice(businessId: string) {
  return useTemplateMutation(businessId, (templateId: string) =>
    request(api.POST('/api/businesses/{businessId}/recurring-invoices/{templateId}/pause', { params: { path: { businessId, templateId } } })),
  );
}
