import { useNavigate } from '@tanstack/react-router';
import { PageSpinner } from '../../components/Spinner';
import { useSignOut } from '../../features/auth/api/sign-out';
import { LenderConsolePage } from '../../features/lender/routes/LenderConsolePage';
import { useMe } from '../../lib/me';

export function LenderConsoleRoute() {
  const me = useMe();
  const signOut = useSignOut();
  const navigate = useNavigate();
  if (!me.data) return <PageSpinner />;
  return (
    <LenderConsolePage
      organisations={me.data.lenderOrganisations}
      signingOut={signOut.isPending}
      onSignOut={() => signOut.mutate(undefined, { onSettled: () => void navigate({ to: '/sign-in' }) })}
    />
  );
}
