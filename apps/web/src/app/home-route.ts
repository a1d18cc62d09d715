import { redirect } from '@tanstack/react-router';
import type { Me } from '../lib/me';
import { preferences } from '../lib/storage';

/** Where "/" leads: the last business used, else the first, else the lender console, else onboarding. */
export function homeRedirect(me: Me | null) {
  if (!me) return redirect({ to: '/sign-in' });
  const { businesses, lenderOrganisations } = me;
  if (businesses.length > 0) {
    const last = preferences.lastBusinessId();
    const target = businesses.find((b) => b.id === last) ?? businesses[0]!;
    return redirect({ to: '/b/$businessId/dashboard', params: { businessId: target.id } });
  }
  if (lenderOrganisations.length > 0) return redirect({ to: '/lender' });
  return redirect({ to: '/businesses/new' });
}
