/**
 * A same-origin link to one of the API's CSV exports, for a plain `<a download>`: the browser
 * sends the session cookie itself. Empty parameters are left out.
 */
export function csvHref(businessId: string, path: string, params: Record<string, string | undefined> = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  const qs = query.toString();
  return `/api/businesses/${encodeURIComponent(businessId)}/${path}${qs ? `?${qs}` : ''}`;
}
