import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api';
import { accountsQueryKey } from './get-accounts';
import { journalQueryKey } from './get-journal-entries';
import { ledgerQueryKey } from './get-account-ledger';

export function useReverseJournalEntry(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (entryId: string) =>
      request(
        api.POST('/api/businesses/{businessId}/journal-entries/{entryId}/reverse', {
          params: { path: { businessId, entryId } },
          body: {},
        }),
      ),
    onSuccess: () => {
      for (const key of [journalQueryKey(businessId), accountsQueryKey(businessId), ledgerQueryKey(businessId), [businessId, 'reports']])
        void queryClient.invalidateQueries({ queryKey: key });
    },
  });
}
