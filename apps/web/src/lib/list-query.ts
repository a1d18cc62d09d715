/** A document list's filters as query parameters (search text, status, customer), leaving out the empty ones. */
export function documentListQuery<S extends string>(filters: { q: string; status: S | ''; contactId: string }, limit: number, cursor?: string) {
  return {
    limit,
    ...(cursor ? { cursor } : {}),
    ...(filters.q.trim() ? { q: filters.q.trim() } : {}),
    ...(filters.status ? { status: filters.status as S } : {}),
    ...(filters.contactId ? { contactId: filters.contactId } : {}),
  };
}
