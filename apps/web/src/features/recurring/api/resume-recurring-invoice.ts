import { api, request } from '../../../lib/api';
import { useTemplateMutation } from './use-template-mutation';

/** Resumes from today: dates missed while paused are skipped. */
export function useResumeRecurringInvoice(businessId: string) {
  return useTemplateMutation(businessId, (templateId: string) =>
    request(api.POST('/api/businesses/{businessId}/recurring-invoices/{templateId}/resume', { params: { path: { businessId, templateId } } })),
  );
}
