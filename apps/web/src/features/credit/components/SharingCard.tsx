import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/Card';
import { Icon } from '../../../components/Icon';
import type { SharedWith } from '../api/get-credit-profile';
import { useCreditFormat } from './credit-format';

/** Who can read the profile now (from the live consents), with a way to the access log. */
export function SharingCard({ businessId, sharedWith }: { businessId: string; sharedWith: readonly SharedWith[] | null }) {
  const { t } = useTranslation();
  const f = useCreditFormat();
  const links = (
    <div className="credit-sharing-links">
      <Link to="/b/$businessId/financing/sharing" params={{ businessId }} search={{ log: 'profile' }} hash="access-log" className="btn btn-ghost btn-sm" data-testid="credit-access-log">
        {t('credit.sharing.log')}
      </Link>
      <Link to="/b/$businessId/financing/sharing" params={{ businessId }} className="btn btn-ghost btn-sm">
        {t('credit.sharing.manage')}
      </Link>
    </div>
  );
  let body;
  if (sharedWith === null) body = <p className="credit-muted">{t('credit.sharing.noAccess')}</p>;
  else if (sharedWith.length === 0) body = <p className="credit-muted" data-testid="credit-shared-none">{t('credit.sharing.none')}</p>;
  else
    body = (
      <ul className="credit-sharing">
        {sharedWith.map((s) => (
          <li key={s.grantId} data-testid="credit-shared-with" data-sees-profile={s.seesProfile}>
            <Icon name={s.seesProfile ? 'shield' : 'globe'} size={16} />
            <div>
              <strong>{s.recipient.lender?.name ?? t('consent.keeper')}</strong>
              <p className="credit-muted">
                {t(s.seesProfile ? 'credit.sharing.seesProfile' : 'credit.sharing.notProfile', { date: f.day(s.expiresOn) })}
                {' · '}
                {s.lastAccessAt ? t('credit.sharing.lastRead', { time: f.dateTime(s.lastAccessAt) }) : t('credit.sharing.neverRead')}
              </p>
            </div>
          </li>
        ))}
      </ul>
    );
  return (
    <Card title={t('credit.sharing.title')} description={t('credit.sharing.description')} testId="credit-sharing">
      {body}
      {sharedWith !== null && links}
    </Card>
  );
}
