import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { Icon } from '../../../components/Icon';
import { useFormatters } from '../../../lib/format';
import type { ConsentGrant } from '../api/get-consent-grants';
import { useRevokeConsentGrant } from '../api/revoke-consent-grant';
import { useCalendarDate, useConsentWording } from './consent-wording';
import { daysUntil } from '../../../lib/dates';
import { GrantHistory } from './GrantHistory';
import { NarrowDialog } from './NarrowDialog';
import { RenewDialog } from './RenewDialog';

const ENDS_SOON_DAYS = 14;

/** A live consent in plain words, with what the owner can do about it: renew, share less or more, stop. */
export function GrantCard({
  businessId,
  grant,
  canManage,
  onChanged,
}: {
  businessId: string;
  grant: ConsentGrant;
  canManage: boolean;
  /** A message for the page to show once a change went through. */
  onChanged: (message: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const day = useCalendarDate();
  const wording = useConsentWording();
  const revoke = useRevokeConsentGrant(businessId);
  const [dialog, setDialog] = useState<'revoke' | 'renew' | 'narrow' | null>(null);
  const [showHistory, setShowHistory] = useState(false);
  const recipient = wording.recipientName(grant.recipient);
  const left = daysUntil(grant.expiresOn);

  return (
    <article className="consent-card" data-testid="grant-card" data-grant-id={grant.id} data-recipient={recipient}>
      <header className="consent-card-head">
        <span className={`consent-avatar${grant.recipient.kind === 'lender' ? '' : ' consent-avatar-keeper'}`} aria-hidden="true">
          <Icon name={grant.recipient.kind === 'lender' ? 'business' : 'shield'} size={18} />
        </span>
        <h3 className="consent-card-title">{recipient}</h3>
        {left <= ENDS_SOON_DAYS ? (
          <span className="badge badge-status-pending" data-testid="grant-ends-soon">
            {t('consent.card.endsSoon', { count: Math.max(left, 1) })}
          </span>
        ) : (
          <span className="badge badge-status-accepted">{t('consent.status.active')}</span>
        )}
      </header>
      <p className="consent-sentence" data-testid="grant-sentence">
        {wording.sentence(grant)}
      </p>
      <dl className="consent-facts">
        <div>
          <dt>{t('consent.card.lookback')}</dt>
          <dd>{t('consent.card.lookbackValue', { count: grant.lookbackMonths })}</dd>
        </div>
        <div>
          <dt>{t('consent.card.granted')}</dt>
          <dd>
            {t('consent.card.grantedBy', { date: format.date(grant.grantedAt), name: grant.grantedBy.name })}
            {grant.renewedAt && <span className="consent-muted"> · {t('consent.card.renewed', { date: format.date(grant.renewedAt) })}</span>}
          </dd>
        </div>
        <div>
          <dt>{t('consent.card.lastAccess')}</dt>
          <dd data-testid="grant-last-access">{grant.lastAccessAt ? format.dateTime(grant.lastAccessAt) : t('consent.card.never')}</dd>
        </div>
      </dl>
      <button type="button" className="link-button consent-history-toggle" onClick={() => setShowHistory((v) => !v)} aria-expanded={showHistory} data-testid="grant-history-toggle">
        <Icon name="clock" size={14} /> {t('consent.card.history')}
      </button>
      {showHistory && <GrantHistory businessId={businessId} grantId={grant.id} />}
      {canManage && (
        <footer className="consent-card-actions">
          <Button variant="secondary" size="sm" onClick={() => setDialog('renew')} data-testid="grant-renew">
            {t('consent.card.renew')}
          </Button>
          <Button variant="secondary" size="sm" onClick={() => setDialog('narrow')} data-testid="grant-narrow">
            {t('consent.card.narrow')}
          </Button>
          <Link
            className="btn btn-secondary btn-sm"
            to="/b/$businessId/financing/sharing/new"
            params={{ businessId }}
            search={{ from: grant.id }}
            data-testid="grant-widen"
          >
            {t('consent.card.widen')}
          </Link>
          <Button variant="danger" size="sm" className="consent-revoke" onClick={() => setDialog('revoke')} data-testid="grant-revoke">
            {t('consent.card.revoke')}
          </Button>
        </footer>
      )}

      <ConfirmDialog
        open={dialog === 'revoke'}
        title={t('consent.revoke.title', { recipient })}
        confirmLabel={t('consent.revoke.confirm')}
        pending={revoke.isPending}
        error={revoke.error}
        onCancel={() => {
          revoke.reset();
          setDialog(null);
        }}
        onConfirm={() =>
          // Not mutate's own callback: the card is gone (the grant is no longer live) by the time it succeeds.
          revoke.mutateAsync(grant.id).then(
            () => onChanged(t('consent.revoke.done', { recipient })),
            () => undefined,
          )
        }
      >
        <p>{t('consent.revoke.body')}</p>
      </ConfirmDialog>
      {dialog === 'renew' && (
        <RenewDialog
          businessId={businessId}
          grant={grant}
          recipient={recipient}
          onClose={() => setDialog(null)}
          onDone={(updated) => {
            setDialog(null);
            onChanged(t('consent.renew.done', { recipient, until: day(updated.expiresOn) }));
          }}
        />
      )}
      {dialog === 'narrow' && (
        <NarrowDialog
          businessId={businessId}
          grant={grant}
          recipient={recipient}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            onChanged(t('consent.narrow.done', { recipient }));
          }}
        />
      )}
    </article>
  );
}
