import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, request, type ResponseBody } from '../../../lib/api';
import { reportsQueryKey } from './reports-key';

export type Dashboard = ResponseBody<'/api/businesses/{businessId}/dashboard', 'get'>;

export const dashboardQueryOptions = (businessId: string) =>
  queryOptions({
    queryKey: [...reportsQueryKey(businessId), 'dashboard'],
    queryFn: ({ signal }) => request(api.GET('/api/businesses/{businessId}/dashboard', { params: { path: { businessId } }, signal })),
  });

export function useDashboard(businessId: string) {
  return useQuery(dashboardQueryOptions(businessId));
}
