import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, request } from '../../../lib/api';
import { remindersQueryKey } from './get-reminders';

export const invoiceRemindersQueryOptions = (businessId: string, invoiceId: string) =>
  queryOptions({
    queryKey: [...remindersQueryKey(businessId), 'invoice', invoiceId],
    queryFn: ({ signal }) =>
      request(
        api.GET('/api/businesses/{businessId}/invoices/{invoiceId}/reminders', { params: { path: { businessId, invoiceId } }, signal }),
      ),
  });

/** The reminders sent for one invoice (at most one per offset, so one page). */
export function useInvoiceReminders(businessId: string, invoiceId: string) {
  return useQuery(invoiceRemindersQueryOptions(businessId, invoiceId));
}
