import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestContext {
  requestId: string;
}

/** Carries the request or job id to code that logs or audits, without threading it through calls. */
export const requestContext = new AsyncLocalStorage<RequestContext>();

export const currentRequestId = (): string | null => requestContext.getStore()?.requestId ?? null;
