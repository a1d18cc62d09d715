import { api, request, type RequestBody } from '../../../lib/api';
import { useTemplateMutation } from './use-template-mutation';

export type RecurringInvoiceInput = RequestBody<'/api/businesses/{businessId}/recurring-invoices', 'post'>;

export function useCreateRecurringInvoice(businessId: string) {
  return useTemplateMutation(businessId, (body: RecurringInvoiceInput) =>
    request(api.POST('/api/businesses/{businessId}/recurring-invoices', { params: { path: { businessId } }, body })),
  );
}
