import { api, request } from '../../../lib/api';
import type { RecurringInvoiceInput } from './create-recurring-invoice';
import { useTemplateMutation } from './use-template-mutation';

export function useUpdateRecurringInvoice(businessId: string) {
  return useTemplateMutation(businessId, ({ templateId, body }: { templateId: string; body: RecurringInvoiceInput }) =>
    request(
      api.PUT('/api/businesses/{businessId}/recurring-invoices/{templateId}', { params: { path: { businessId, templateId } }, body }),
    ),
  );
}
