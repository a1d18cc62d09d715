import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';
import { creditQueryKey } from './credit-keys';

export type CreditSnapshotPage = ResponseBody<'/api/businesses/{businessId}/credit-profile/snapshots', 'get'>;
export type CreditSnapshot = CreditSnapshotPage['items'][number];

export const SNAPSHOTS_PAGE_SIZE = 10;

/** `version` is the latest profile's id: a new profile refetches the list. */
export const creditSnapshotsQueryOptions = (businessId: string, cursor: string | undefined, version: string) =>
  queryOptions({
    queryKey: [...creditQueryKey(businessId), 'snapshots', { cursor: cursor ?? null, version }],
    queryFn: ({ signal }) =>
      request(
        api.GET('/api/businesses/{businessId}/credit-profile/snapshots', {
          params: { path: { businessId }, query: { limit: SNAPSHOTS_PAGE_SIZE, ...(cursor ? { cursor } : {}) } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });

export function useCreditSnapshots(businessId: string, cursor: string | undefined, version: string) {
  return useQuery(creditSnapshotsQueryOptions(businessId, cursor, version));
}
