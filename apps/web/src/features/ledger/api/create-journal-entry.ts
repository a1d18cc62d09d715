import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request, type RequestBody } from '../../../lib/api';
import { accountsQueryKey } from './get-accounts';
import { journalQueryKey } from './get-journal-entries';
import { ledgerQueryKey } from './get-account-ledger';

export type NewJournalEntry = RequestBody<'/api/businesses/{businessId}/journal-entries', 'post'>;

export function useCreateJournalEntry(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewJournalEntry) =>
      request(api.POST('/api/businesses/{businessId}/journal-entries', { params: { path: { businessId } }, body })),
    onSuccess: () => {
      for (const key of [journalQueryKey(businessId), accountsQueryKey(businessId), ledgerQueryKey(businessId), [businessId, 'reports']])
        void queryClient.invalidateQueries({ queryKey: key });
    },
  });
}
