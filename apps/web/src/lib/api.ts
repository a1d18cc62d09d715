import { createKeeperClient, isApiErrorBody, type ApiErrorBody, type paths } from '@keeper/api-client';
import { i18n } from '../i18n';

/**
 * The one API client of the web app. It talks to the web origin only (Vite proxies /api),
 * so the session cookie is first-party; CSRF and Idempotency-Key headers are added by
 * @keeper/api-client on every mutation.
 */
export const api = createKeeperClient();

// Lets the API word its validation messages in the reader's language when it can.
api.use({
  onRequest({ request }) {
    request.headers.set('Accept-Language', i18n.language);
    return request;
  },
});

type JsonOf<T> = T extends { content: { 'application/json': infer B } } ? B : never;

/** The JSON body an operation accepts, e.g. `RequestBody<'/api/businesses', 'post'>`. */
export type RequestBody<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  requestBody?: infer R;
}
  ? JsonOf<NonNullable<R>>
  : never;

/** The JSON body of an operation's 200/201 response. */
export type ResponseBody<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  responses: infer R;
}
  ? { [S in keyof R]: S extends 200 | 201 ? JsonOf<R[S]> : never }[keyof R]
  : never;

export type FieldError = NonNullable<ApiErrorBody['error']['fields']>[number];

/** An API failure as the UI needs it: a stable code, field errors, and when to retry. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: readonly FieldError[] = [],
    readonly retryAfterSeconds: number | null = null,
    readonly requestId: string | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  fieldMessage(field: string): string | undefined {
    return this.fields.find((f) => f.field === field)?.message;
  }
}

export const NETWORK_ERROR = 'NETWORK_ERROR';

function parseRetryAfter(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

export function toApiError(error: unknown, response: Response): ApiError {
  const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
  if (isApiErrorBody(error)) {
    const { code, message, fields, requestId, retryAfterSeconds } = error.error;
    return new ApiError(
      response.status,
      code,
      message,
      fields ?? [],
      retryAfter ?? retryAfterSeconds ?? null,
      requestId ?? null,
    );
  }
  return new ApiError(response.status, `HTTP_${response.status}`, response.statusText, [], retryAfter);
}

type FetchResult<D> = { data?: D; error?: unknown; response: Response };

/**
 * Awaits an openapi-fetch call and returns its data, or throws an ApiError, so TanStack
 * Query sees failures as errors. A network failure becomes code NETWORK_ERROR.
 */
export async function request<D>(call: Promise<FetchResult<D>>): Promise<D> {
  let result: FetchResult<D>;
  try {
    result = await call;
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, NETWORK_ERROR, cause instanceof Error ? cause.message : String(cause));
  }
  if (!result.response.ok) throw toApiError(result.error, result.response);
  return result.data as D;
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}
