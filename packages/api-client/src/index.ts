import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

export type { components, paths };
export type Schemas = components['schemas'];
export type ApiErrorBody = components['schemas']['ErrorBodyDto'];

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function readCookie(name: string): string | null {
  if (typeof document === 'undefined') return null;
  const match = document.cookie.split('; ').find((c) => c.startsWith(`${name}=`));
  return match ? decodeURIComponent(match.slice(name.length + 1)) : null;
}

export interface KeeperClientOptions {
  baseUrl?: string;
  /** Supplies the CSRF token outside a browser (scripts, tests); browsers read the keeper_csrf cookie. */
  csrfToken?: () => string | null;
  fetch?: typeof fetch;
  headers?: Record<string, string>;
}

/**
 * The typed Keeper client, generated from the API's OpenAPI document. On every mutation it adds
 * the CSRF header and, unless the caller set one, a fresh Idempotency-Key (pass your own key in
 * `headers` to retry the same action safely).
 */
export function createKeeperClient(options: KeeperClientOptions = {}): Client<paths> {
  const client = createClient<paths>({
    baseUrl: options.baseUrl ?? '',
    credentials: 'same-origin',
    fetch: options.fetch,
    headers: options.headers,
  });
  const mutationHeaders: Middleware = {
    onRequest({ request }) {
      if (!MUTATING.has(request.method)) return request;
      const csrf = options.csrfToken ? options.csrfToken() : readCookie('keeper_csrf');
      if (csrf && !request.headers.has('X-CSRF-Token')) request.headers.set('X-CSRF-Token', csrf);
      if (!request.headers.has('Idempotency-Key')) request.headers.set('Idempotency-Key', crypto.randomUUID());
      return request;
    },
  };
  client.use(mutationHeaders);
  return client;
}

export type KeeperClient = ReturnType<typeof createKeeperClient>;

/** True when an error body follows the API's error format. */
export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { error?: { code?: unknown } }).error?.code === 'string'
  );
}
