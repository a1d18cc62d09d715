import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';

export type PaymentsPage = ResponseBody<'/api/businesses/{businessId}/payments', 'get'>;
export type PaymentSummary = PaymentsPage['items'][number];
export type PaymentMethod = PaymentSummary['method'];
export type DepositAccount = PaymentSummary['depositAccount'];

export const PAYMENT_METHODS = ['bank_transfer', 'cash', 'card', 'cheque', 'other'] as const satisfies readonly PaymentMethod[];
export const DEPOSIT_ACCOUNTS = ['bank', 'cash'] as const satisfies readonly DepositAccount[];

export type PaymentFilters = {
  method: PaymentMethod | '';
  from: string;
  to: string;
  unapplied: boolean;
  contactId: string;
  invoiceId: string;
};

export const EMPTY_PAYMENT_FILTERS: PaymentFilters = { method: '', from: '', to: '', unapplied: false, contactId: '', invoiceId: '' };

export const PAYMENTS_PAGE_SIZE = 25;

export const paymentsQueryKey = (businessId: string) => [businessId, 'payments'] as const;

/** The list's filters as query parameters, shared with the CSV export so the file holds what the list shows. */
export function paymentFilterQuery(filters: PaymentFilters) {
  return {
    ...(filters.method ? { method: filters.method } : {}),
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
    ...(filters.unapplied ? { unapplied: 'true' as const } : {}),
    ...(filters.contactId ? { contactId: filters.contactId } : {}),
    ...(filters.invoiceId ? { invoiceId: filters.invoiceId } : {}),
  };
}

export const paymentsQueryOptions = (businessId: string, filters: PaymentFilters, cursor?: string) =>
  queryOptions({
    queryKey: [...paymentsQueryKey(businessId), 'list', { ...filters, cursor: cursor ?? null }],
    queryFn: ({ signal }) =>
      request(
        api.GET('/api/businesses/{businessId}/payments', {
          params: {
            path: { businessId },
            query: {
              limit: PAYMENTS_PAGE_SIZE,
              ...(cursor ? { cursor } : {}),
              ...paymentFilterQuery(filters),
            },
          },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });

export function usePayments(businessId: string, filters: PaymentFilters, cursor?: string) {
  return useQuery(paymentsQueryOptions(businessId, filters, cursor));
}
