import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, isApiError } from '../lib/api';

/**
 * `onSessionEnded` runs when any request reports the session is gone (expired or signed
 * out elsewhere), so the app can send the person to sign in instead of showing errors.
 */
export function createQueryClient(onSessionEnded: () => void): QueryClient {
  const sessionCheck = (error: unknown) => {
    if (isApiError(error, 'UNAUTHENTICATED')) onSessionEnded();
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError: sessionCheck }),
    mutationCache: new MutationCache({ onError: sessionCheck }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A 4xx will not change by asking again; network and 5xx failures might.
        retry: (failureCount, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failureCount < 2,
      },
      mutations: { retry: false },
    },
  });
}
