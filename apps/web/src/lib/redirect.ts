/**
 * Only same-origin paths may be used as a post-sign-in destination; anything else
 * (absolute URLs, protocol-relative "//host") would make sign-in an open redirect.
 */
export function safeRedirect(target: unknown): string | undefined {
  if (typeof target !== 'string') return undefined;
  if (!target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) return undefined;
  return target;
}

export type RedirectSearch = { redirect?: string };

export function validateRedirectSearch(search: Record<string, unknown>): RedirectSearch {
  const redirect = safeRedirect(search.redirect);
  return redirect ? { redirect } : {};
}
