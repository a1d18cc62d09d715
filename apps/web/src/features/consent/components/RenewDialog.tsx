import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { TextField } from '../../../components/Field';
import { addDaysIso, todayIso } from '../../../lib/dates';
import { useFormErrors } from '../../../lib/error-message';
import type { ConsentGrantDetail } from '../api/get-consent-grant';
import type { ConsentGrant } from '../api/get-consent-grants';
import { useRenewConsentGrant } from '../api/renew-consent-grant';
import { useCalendarDate } from './consent-wording';
import { DEFAULT_DAYS, MAX_DAYS } from './terms';

/** Keeps sharing the same things for longer: 90 days from today, or until a chosen day within a year. */
export function RenewDialog({
  businessId,
  grant,
  recipient,
  onClose,
  onDone,
}: {
  businessId: string;
  grant: ConsentGrant;
  recipient: string;
  onClose: () => void;
  onDone: (grant: ConsentGrantDetail) => void;
}) {
  const { t } = useTranslation();
  const day = useCalendarDate();
  const renew = useRenewConsentGrant(businessId);
  const today = todayIso();
  const latest = addDaysIso(today, MAX_DAYS);
  // What the API does without a date: 90 more days, but never past a year from today.
  const extended = addDaysIso(grant.expiresOn, DEFAULT_DAYS);
  const ninety = extended < latest ? extended : latest;
  const earliest = addDaysIso(grant.expiresOn > today ? grant.expiresOn : today, 1);
  const canExtend = ninety > grant.expiresOn;
  const [choice, setChoice] = useState<'ninety' | 'date'>(canExtend ? 'ninety' : 'date');
  const [date, setDate] = useState(ninety);
  const errors = useFormErrors(renew.error, ['expiresOn']);
  const dateValid = date >= earliest && date <= latest;

  return (
    <ConfirmDialog
      open
      title={t('consent.renew.title', { recipient })}
      confirmLabel={t('consent.renew.confirm')}
      confirmVariant="primary"
      autoFocusConfirm={false}
      confirmDisabled={choice === 'date' && !dateValid}
      pending={renew.isPending}
      error={errors.general}
      onCancel={onClose}
      onConfirm={() => renew.mutate({ grantId: grant.id, expiresOn: choice === 'date' ? date : undefined }, { onSuccess: onDone })}
    >
      <div className="dialog-form" data-testid="renew-form">
        <p>{t('consent.renew.body', { until: day(grant.expiresOn) })}</p>
        <div className="choices" role="radiogroup">
          {canExtend && (
            <label className="choice">
              <input type="radio" name="renew" checked={choice === 'ninety'} onChange={() => setChoice('ninety')} data-testid="renew-ninety" />
              <span className="choice-label">
                {ninety === extended ? t('consent.renew.ninety', { until: day(ninety) }) : t('consent.renew.capped', { until: day(ninety) })}
              </span>
            </label>
          )}
          <label className="choice">
            <input type="radio" name="renew" checked={choice === 'date'} onChange={() => setChoice('date')} data-testid="renew-date" />
            <span className="choice-label">{t('consent.renew.date')}</span>
          </label>
        </div>
        {choice === 'date' && (
          <TextField
            label={t('consent.renew.dateLabel')}
            name="expiresOn"
            type="date"
            min={earliest}
            max={latest}
            value={date}
            onChange={(e) => setDate(e.target.value)}
            hint={t('consent.renew.dateHint', { latest: day(latest) })}
            error={errors.field('expiresOn') ?? (date && !dateValid ? t('consent.wizard.until.dateInvalid') : undefined)}
          />
        )}
      </div>
    </ConfirmDialog>
  );
}
