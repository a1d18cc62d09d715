import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';
import { inventoryKey } from './keys';

export type StockOperation = ResponseBody<'/api/businesses/{businessId}/stock/operations', 'get'>['items'][number];
export type OperationKind = StockOperation['kind'];
export const OPERATION_KINDS = ['receipt', 'shipment', 'transfer', 'adjustment', 'count'] as const satisfies readonly OperationKind[];
export type OperationFilters = { kind: OperationKind | ''; locationId: string };

export const stockOperationsQueryOptions = (businessId: string, f: OperationFilters, cursor?: string) =>
  queryOptions({
    queryKey: [...inventoryKey(businessId), 'operations', { ...f, cursor: cursor ?? null }],
    queryFn: ({ signal }) =>
      request(
        api.GET('/api/businesses/{businessId}/stock/operations', {
          params: {
            path: { businessId },
            query: {
              limit: 25,
              ...(f.kind ? { kind: f.kind } : {}),
              ...(f.locationId ? { locationId: f.locationId } : {}),
              ...(cursor ? { cursor } : {}),
            },
          },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });

export function useStockOperations(businessId: string, f: OperationFilters, cursor?: string) {
  return useQuery(stockOperationsQueryOptions(businessId, f, cursor));
}
