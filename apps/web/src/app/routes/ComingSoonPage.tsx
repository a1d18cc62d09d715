import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/Card';
import { EmptyState } from '../../components/EmptyState';
import { allows } from '../../lib/permissions';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useCurrentBusiness } from '../current-business';
import { NAV_ITEMS, type Section } from '../layout/nav-items';

/** The sections not built yet: what will live there, and something useful to do meanwhile. */
export function ComingSoonPage({ section }: { section: Section }) {
  const { t } = useTranslation();
  const { businessId, business, me } = useCurrentBusiness();
  const icon = NAV_ITEMS.find((item) => item.key === section)?.icon ?? 'dashboard';
  useDocumentTitle(t(`nav.${section}`));
  const canInvite = allows(business?.permissions, 'invitations.manage');
  return (
    <div className="page" data-testid={`page-${section}`}>
      <PageHeader
        title={section === 'dashboard' ? t('sections.dashboard.welcome', { name: me?.user.name ?? '' }) : t(`nav.${section}`)}
        description={section === 'dashboard' ? business?.name : t(`sections.${section}.summary`)}
      />
      <EmptyState
        icon={icon}
        title={t(`sections.${section}.title`)}
        testId="coming-soon"
        action={
          <Link
            className="btn btn-secondary btn-md"
            to={canInvite ? '/b/$businessId/settings/invitations' : '/b/$businessId/settings'}
            params={{ businessId }}
          >
            {canInvite ? t('sections.inviteTeam') : t('sections.reviewProfile')}
          </Link>
        }
      >
        <p>{t(`sections.${section}.body`)}</p>
        <p className="muted small">{t('sections.meanwhile')}</p>
      </EmptyState>
    </div>
  );
}
