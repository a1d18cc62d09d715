import { useTranslation } from 'react-i18next';
import { AuthLayout } from '../../../components/AuthLayout';
import { EmptyState } from '../../../components/EmptyState';
import { useDocumentTitle } from '../../../lib/use-document-title';

export type LenderOrganisationSummary = { id: string; name: string };

/** Placeholder for people who only belong to lender organisations. */
export function LenderConsolePage({
  organisations,
  onSignOut,
  signingOut,
}: {
  organisations: readonly LenderOrganisationSummary[];
  onSignOut: () => void;
  signingOut: boolean;
}) {
  const { t } = useTranslation();
  useDocumentTitle(t('lender.title'));
  const names = organisations.map((o) => o.name).join(', ');
  return (
    <AuthLayout wide title={t('lender.title')} subtitle={names}>
      <EmptyState
        icon="financing"
        title={t('lender.comingTitle')}
        testId="lender-console"
        action={
          <button type="button" className="btn btn-secondary btn-md" onClick={onSignOut} disabled={signingOut}>
            {t('shell.signOut')}
          </button>
        }
      >
        <p>{t('lender.comingBody', { organisation: names })}</p>
      </EmptyState>
    </AuthLayout>
  );
}
