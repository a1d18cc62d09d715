import { useParams } from '@tanstack/react-router';
import { useMe } from '../lib/me';

/** The business named in the URL (/b/$businessId/...) with the person's role in it. */
export function useCurrentBusiness() {
  const { businessId } = useParams({ strict: false });
  const me = useMe();
  const business = me.data?.businesses.find((b) => b.id === businessId);
  return { businessId: businessId ?? '', business, me: me.data ?? null };
}
