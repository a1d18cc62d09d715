import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';
import { inventoryKey } from './keys';

export type StockOperationDetail = ResponseBody<'/api/businesses/{businessId}/stock/operations/{operationId}', 'get'>;

export const stockOperationQueryOptions = (businessId: string, operationId: string) =>
  queryOptions({
    queryKey: [...inventoryKey(businessId), 'operation', operationId],
    queryFn: ({ signal }) =>
      request(api.GET('/api/businesses/{businessId}/stock/operations/{operationId}', { params: { path: { businessId, operationId } }, signal })),
  });

export function useStockOperation(businessId: string, operationId: string) {
  return useQuery(stockOperationQueryOptions(businessId, operationId));
}
