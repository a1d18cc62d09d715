import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { CheckboxField, SelectField } from '../../../components/Field';
import { useFormErrors } from '../../../lib/error-message';
import type { ConsentGrant, ConsentScope } from '../api/get-consent-grants';
import { useNarrowConsentGrant } from '../api/narrow-consent-grant';
import { LOOKBACK_CHOICES } from './terms';

/** Shares less from the recipient's next request on: untick scopes, or shorten how far back they see. */
export function NarrowDialog({
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
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const narrow = useNarrowConsentGrant(businessId);
  const [scopes, setScopes] = useState<ConsentScope[]>(grant.scopes);
  const [lookback, setLookback] = useState(grant.lookbackMonths);
  const errors = useFormErrors(narrow.error, ['scopes', 'lookbackMonths']);
  const lookbacks = [...new Set([...LOOKBACK_CHOICES.filter((m) => m < grant.lookbackMonths), grant.lookbackMonths])];
  const changed = scopes.length < grant.scopes.length || lookback < grant.lookbackMonths;

  return (
    <ConfirmDialog
      open
      title={t('consent.narrow.title', { recipient })}
      confirmLabel={t('consent.narrow.confirm')}
      confirmVariant="primary"
      autoFocusConfirm={false}
      confirmDisabled={!changed || scopes.length === 0}
      pending={narrow.isPending}
      error={errors.general}
      onCancel={onClose}
      onConfirm={() =>
        narrow.mutate(
          {
            grantId: grant.id,
            body: {
              ...(scopes.length < grant.scopes.length ? { scopes } : {}),
              ...(lookback < grant.lookbackMonths ? { lookbackMonths: lookback } : {}),
            },
          },
          { onSuccess: onDone },
        )
      }
    >
      <div className="dialog-form" data-testid="narrow-form">
        <p>{t('consent.narrow.body')}</p>
        {grant.scopes.map((scope) => (
          <CheckboxField
            key={scope}
            name={`scope-${scope}`}
            label={t(`consent.scope.${scope}.title`)}
            checked={scopes.includes(scope)}
            onChange={(e) => setScopes(e.target.checked ? grant.scopes.filter((s) => s === scope || scopes.includes(s)) : scopes.filter((s) => s !== scope))}
          />
        ))}
        {(scopes.length === 0 || errors.field('scopes')) && (
          <p className="field-error" data-testid="field-error-scopes">
            {errors.field('scopes') ?? t('consent.narrow.keepOne')}
          </p>
        )}
        <SelectField
          label={t('consent.narrow.lookbackLabel')}
          name="lookbackMonths"
          value={String(lookback)}
          onChange={(e) => setLookback(Number(e.target.value))}
          options={lookbacks.map((m) => ({ value: String(m), label: t('consent.wizard.what.lookbackOption', { count: m }) }))}
          error={errors.field('lookbackMonths')}
        />
      </div>
    </ConfirmDialog>
  );
}
