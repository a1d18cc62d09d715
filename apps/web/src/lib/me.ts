import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, request, isApiError, type RequestBody, type ResponseBody } from './api';

export type Me = ResponseBody<'/api/me', 'get'>;
export type MyBusiness = Me['businesses'][number];

export const meQueryKey = ['me'] as const;

/** The signed-in user with their businesses, or null when signed out (401). */
export const meQueryOptions = queryOptions({
  queryKey: meQueryKey,
  queryFn: async ({ signal }): Promise<Me | null> => {
    try {
      return await request(api.GET('/api/me', { signal }));
    } catch (error) {
      if (isApiError(error, 'UNAUTHENTICATED') || (isApiError(error) && error.status === 401)) return null;
      throw error;
    }
  },
  staleTime: 60_000,
});

export function useMe() {
  return useQuery(meQueryOptions);
}

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RequestBody<'/api/me', 'patch'>) => request(api.PATCH('/api/me', { body })),
    onSuccess: (result) => {
      queryClient.setQueryData(meQueryKey, (me) => (me ? { ...me, user: result.user } : me));
    },
  });
}
